// Signing in and out (web/openapi.yaml):
//   POST   /api/v1/session   {"email", "password"} -> the session body and the cookie, or
//                            202 and a challenge when the account has a second factor
//   GET    /api/v1/session   who is signed in (401 when nobody)
//   DELETE /api/v1/session   sign out: the session ends, the cookie is cleared
// A wrong password and an unknown e-mail get the same answer, after the same
// time (an argon2id check either way); repeated failures are throttled
// (sign_in_throttle).
#pragma once

#include "web/http/api_router.hpp"
#include "web/store/database.hpp"
#include "web/http/public_address.hpp"
#include "web/accounts/session_store.hpp"

#include "core/program/program.hpp"

#include <httplib.h>

#include <string>

namespace web {

class SessionRoutes {
public:
    // `address` must outlive the routes (it is filled in once the port is known).
    SessionRoutes(Database& database, const PublicAddress& address, const core::Program& program)
        : database_(database), address_(address), program_(program) {}

    void add_to(ApiRouter& router);

private:
    void sign_in(ApiCall& call);
    void current(ApiCall& call);
    void sign_out(ApiCall& call);

    Database& database_;
    const PublicAddress& address_;
    const core::Program& program_;
};

// A session for the user who has proven who they are, noting the sign-in;
// inside the caller's transaction.
NewSession open_session(sqlite3* connection, int64_t user_id, core::Instant now, const std::string& address);

// 202 {"second_factor": "totp", "challenge", "expires_at"}: the password was
// right, and the account's authenticator code is still to come
// (POST /api/v1/session/second-factor, second_factor_routes).
void send_second_factor_challenge(httplib::Response& response, const std::string& challenge, core::Instant now);

// 200 with the session body (account_json) and the cookie: how signing in
// and accepting an invitation answer.
void send_new_session(httplib::Response& response, const Caller& caller, const std::string& token, const PublicAddress& address,
                      const core::Program& program);

}  // namespace web
