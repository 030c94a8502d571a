// The invitation link's endpoints; the link itself is the credential, so
// neither needs a session (web/openapi.yaml):
//   GET  /api/v1/invitations/{token}          who invited whom to what, until
//        when, and whether the address has an account already
//   POST /api/v1/invitations/{token}/accept   the invitee's memberships become
//        active, the link is used up, and they are signed in. A new account
//        sends {"name", "password"} and they are set; an existing account
//        sends {"password"}, its own, checked and throttled like signing in,
//        and nothing of the account changes: whoever holds the link must
//        still prove they own the account.
// An unknown link is 404; one used, expired or withdrawn (every tenant in it
// revoked or invited again since) is 410.
#pragma once

#include "web/http/api_router.hpp"
#include "web/store/database.hpp"
#include "web/http/public_address.hpp"

#include "core/program/program.hpp"

#include <nlohmann/json.hpp>

namespace web {

class InvitationRoutes {
public:
    InvitationRoutes(Database& database, const PublicAddress& address, const core::Program& program)
        : database_(database), address_(address), program_(program) {}

    void add_to(ApiRouter& router);

private:
    void show(ApiCall& call);
    void accept(ApiCall& call);
    void accept_as_new_account(ApiCall& call, const nlohmann::json& body);
    void accept_as_existing_account(ApiCall& call, const nlohmann::json& body, const std::string& email);

    Database& database_;
    const PublicAddress& address_;
    const core::Program& program_;
};

}  // namespace web
