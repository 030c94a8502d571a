// "Forgot password?" (web/openapi.yaml); the link is the credential, so none
// of these needs a session:
//   POST /api/v1/password-resets           {"email"}: a link by e-mail, if the
//        address has an account; the same 202 either way, throttled per
//        e-mail and per client address (password_reset_store)
//   GET  /api/v1/password-resets/{token}   whose password the link resets, until when
//   POST /api/v1/password-resets/{token}   {"password"}: the new password (the
//        rules of an invitation's), every session of the account ends, every
//        open link is used up, and this browser is signed in
// An unknown link is 404; one used or expired is 410.
#pragma once

#include "web/http/api_router.hpp"
#include "web/http/public_address.hpp"
#include "web/mail/mail_delivery.hpp"
#include "web/store/database.hpp"

#include "core/program/program.hpp"

namespace web {

class PasswordResetRoutes {
public:
    PasswordResetRoutes(Database& database, const PublicAddress& address, MailDelivery& mail, const core::Program& program)
        : database_(database), address_(address), mail_(mail), program_(program) {}

    void add_to(ApiRouter& router);

private:
    void request(ApiCall& call);
    void show(ApiCall& call);
    void reset(ApiCall& call);

    Database& database_;
    const PublicAddress& address_;
    MailDelivery& mail_;
    const core::Program& program_;
};

}  // namespace web
