// API tokens (migration 18): how a help desk answers tickets through the API
// as one of the vendor's support engineers (`./portal admin engineer token
// EMAIL`), and how the vendor's operators use /api/v1/admin (`./portal admin
// operator invite EMAIL`), sent as "Authorization: Bearer spt_...". Only the
// token's SHA-256 is kept. A token is as good as its person: it stops
// working the moment they are neither a support engineer nor an operator
// (revoke ends the tokens too). Unlike a session cookie, a browser never sends a token
// on its own, so requests made with one need no CSRF token.
#pragma once

#include "web/accounts/caller.hpp"

#include "core/sla/business_calendar.hpp"

#include <optional>
#include <string>

struct sqlite3;

namespace web {

inline constexpr const char* api_token_prefix = "spt_";   // lets secret scanners spot a leaked one

class ApiTokenStore {
public:
    explicit ApiTokenStore(sqlite3* connection) : connection_(connection) {}

    // A new token for the user, shown once: only its digest stays.
    std::string issue(int64_t user_id, core::Instant now);

    // The support engineer or operator the token is for, or nothing when it
    // is unknown or its person is neither any more. Notes the token's use.
    std::optional<Caller> caller(const std::string& token, core::Instant now);

    void revoke_all_of(int64_t user_id);

private:
    sqlite3* connection_;
};

}  // namespace web
