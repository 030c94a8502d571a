// The second factor (web/openapi.yaml): an authenticator app's code after
// the password, for whoever turns it on.
//   POST /api/v1/session/second-factor  {"challenge", "code"}       the sign-in's second step: the
//                                                                    session, as POST /api/v1/session gives it
//   GET  /api/v1/session/second-factor                               on or off, recovery codes left
//   POST /api/v1/session/second-factor/enrolment                     a new secret, its otpauth URI and QR code
//   POST /api/v1/session/second-factor/enrolment/confirm  {"code"}   on, with recovery codes shown once
//   POST /api/v1/session/second-factor/disable  {"code"}             off, with a code or a recovery code
// A code works once. Five wrong codes end a challenge: the sign-in starts
// again from the password, which is throttled.
#pragma once

#include "web/http/api_router.hpp"
#include "web/http/public_address.hpp"
#include "web/store/database.hpp"

#include "core/program/program.hpp"

namespace web {

class SecondFactorRoutes {
public:
    // Everything given must outlive the routes.
    SecondFactorRoutes(Database& database, const PublicAddress& address, const core::Program& program)
        : database_(database), address_(address), program_(program) {}

    void add_to(ApiRouter& router);

private:
    void answer_challenge(ApiCall& call);
    void state(ApiCall& call);
    void enrol(ApiCall& call);
    void confirm(ApiCall& call);
    void disable(ApiCall& call);

    Database& database_;
    const PublicAddress& address_;
    const core::Program& program_;
};

}  // namespace web
