// Sessions (migration 4): what a session cookie stands for. A session ends
// after 12 hours without a request (sliding) and 7 days after sign-in
// (absolute), on sign-out, and when the user loses their last active
// membership. Only the SHA-256 of the cookie's token is stored.
#pragma once

#include "web/accounts/caller.hpp"

#include <cstdint>
#include <optional>
#include <string>

struct sqlite3;

namespace web {

inline constexpr int64_t session_idle_seconds = 12 * 3600;
inline constexpr int64_t session_lifetime_seconds = 7 * 24 * 3600;

struct NewSession {
    std::string token;        // for the cookie; the database has only its digest
    std::string csrf_token;
};

class SessionStore {
public:
    explicit SessionStore(sqlite3* connection) : connection_(connection) {}

    NewSession open(int64_t user_id, int64_t now, const std::string& address);

    // The caller behind a cookie's token, with their active memberships;
    // nothing when the session does not exist or has expired. Marks the
    // session as used (at most once a minute: a write per request is waste).
    std::optional<Caller> caller(const std::string& token, int64_t now);

    void close(int64_t session_id);
    void close_all_of(int64_t user_id);
    void remove_expired(int64_t now);

private:
    sqlite3* connection_;
};

}  // namespace web
