// Signing in and out (web/openapi.yaml):
//   POST   /api/v1/session   {"email", "password"} -> the session body and the cookie
//   GET    /api/v1/session   who is signed in (401 when nobody)
//   DELETE /api/v1/session   sign out: the session ends, the cookie is cleared
// A wrong password and an unknown e-mail get the same answer, after the same
// time (an argon2id check either way); repeated failures are throttled
// (sign_in_throttle).
#pragma once

#include "web/http/api_router.hpp"
#include "web/store/database.hpp"
#include "web/http/public_address.hpp"

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

// 200 with the session body (account_json) and the cookie: how signing in
// and accepting an invitation answer.
void send_new_session(httplib::Response& response, const Caller& caller, const std::string& token, const PublicAddress& address,
                      const core::Program& program);

}  // namespace web
