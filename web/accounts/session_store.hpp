// Sessions (migration 4): what a session cookie stands for. A session ends
// after 12 hours without a request (sliding) and 7 days after sign-in
// (absolute), on sign-out, and when the user loses their last active
// membership. Only the SHA-256 of the cookie's token is stored.
#pragma once

#include "web/accounts/caller.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

struct sqlite3;

namespace web {

inline constexpr std::chrono::hours session_idle_limit{12};
inline constexpr std::chrono::days session_lifetime{7};

struct NewSession {
    std::string token;        // for the cookie; the database has only its digest
    std::string csrf_token;
};

class SessionStore {
public:
    explicit SessionStore(sqlite3* connection) : connection_(connection) {}

    NewSession open(int64_t user_id, core::Instant now, const std::string& address);

    // The caller behind a cookie's token, with their active memberships;
    // nothing when the session does not exist or has expired. Marks the
    // session as used (at most once a minute: a write per request is waste).
    std::optional<Caller> caller(const std::string& token, core::Instant now);

    void close(int64_t session_id);
    void close_all_of(int64_t user_id);
    void remove_expired(core::Instant now);

private:
    void touch(int64_t session_id, core::Instant now);

    sqlite3* connection_;
};

}  // namespace web
