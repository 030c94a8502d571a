// The second factor (migration 20): an authenticator app's secret per
// account, its recovery codes, and sign-ins that wait for a code. A code
// works once: a TOTP code only in a later time step than the last one used,
// a recovery code only while unused. Works inside the caller's connection;
// SQLite failures throw DatabaseError.
#pragma once

#include "core/sla/business_calendar.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace web {

inline constexpr std::chrono::minutes challenge_lifetime{5};
inline constexpr int most_code_failures = 5;      // then the sign-in starts again from the password
inline constexpr int recovery_code_count = 10;

struct SignInChallenge {
    int64_t id = 0;
    int64_t user_id = 0;
    int failures = 0;
    core::Instant expires_at{};
};

class SecondFactorStore {
public:
    explicit SecondFactorStore(sqlite3* connection) : connection_(connection) {}

    bool enabled(int64_t user_id);
    int recovery_codes_left(int64_t user_id);

    // A new secret, replacing one not yet confirmed; nothing (and nothing
    // changed) when a second factor is enabled already.
    std::optional<std::string> begin_enrolment(int64_t user_id, core::Instant now);
    // With the app's first code: enabled, and new recovery codes returned
    // (shown once). Nothing when the code is wrong or no enrolment waits.
    std::optional<std::vector<std::string>> confirm_enrolment(int64_t user_id, const std::string& code, core::Instant now);
    bool enrolment_waiting(int64_t user_id);

    // A TOTP code ("123 456" reads as "123456") or a recovery code of the
    // enabled factor, used up when right.
    bool use_code(int64_t user_id, const std::string& code, core::Instant now);
    void disable(int64_t user_id);

    // Sign-ins whose password was right, waiting for a code: the token to send back.
    std::string open_challenge(int64_t user_id, core::Instant now);
    std::optional<SignInChallenge> challenge(const std::string& token, core::Instant now);
    // One more wrong code; the challenge ends at most_code_failures. Returns the failures left.
    int challenge_failed(const SignInChallenge& challenge);
    void close_challenge(int64_t id);

private:
    sqlite3* connection_;
};

}  // namespace web
