// "Forgot password?" links (migration 17). A link is valid for an hour and
// works once; using one uses up every other open link of the account, and a
// newer link does not cancel an older one before then (mail may arrive out
// of order). Only the token's SHA-256 is stored.
//
// Requests are counted whether or not the address has an account, so that
// neither the answer nor the throttle tells who has one:
//   per e-mail address    3 an hour: a mailbox is not flooded with links,
//   per client address   20 an hour: one sender cannot probe or spam many.
#pragma once

#include "core/sla/business_calendar.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

struct sqlite3;

namespace web {

inline constexpr std::chrono::hours password_reset_lifetime{1};
inline constexpr std::chrono::hours password_reset_window{1};
inline constexpr int password_resets_per_email = 3;
inline constexpr int password_resets_per_address = 20;

// Who may have a link: an account that can sign in. One never joined has no
// password to replace; one revoked everywhere has nothing to sign in to; one
// whose organisation signs in only through its identity provider would be
// refused its new password (company_sign_in_store).
enum class ResetEligibility { Eligible, NoAccount, NeverJoined, NoAccess, CompanySignInOnly };
ResetEligibility reset_eligibility(sqlite3* connection, const std::string& email, int64_t* user_id);

struct PasswordResetRecord {
    int64_t id = 0;
    int64_t user_id = 0;
    std::string email;                  // the account's
    core::Instant created_at{};
    core::Instant expires_at{};
    std::optional<core::Instant> used_at;
};

class PasswordResetStore {
public:
    explicit PasswordResetStore(sqlite3* connection) : connection_(connection) {}

    // Counts the request and says how long to wait before the next one is
    // allowed (zero: allowed now). A refused request is not counted.
    std::chrono::seconds request(const std::string& email, const std::string& address, core::Instant now);

    void add(const std::string& token, int64_t user_id, core::Instant now);
    std::optional<PasswordResetRecord> find(const std::string& token);
    // Uses up every open link of the account, the one used among them.
    void use_all_of(int64_t user_id, core::Instant now);

private:
    std::chrono::seconds wait(const char* requests_of, const std::string& value, int allowed, core::Instant now);

    sqlite3* connection_;
};

}  // namespace web
