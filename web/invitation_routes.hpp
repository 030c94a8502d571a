// The invitation link's endpoints; the link itself is the credential, so
// neither needs a session (web/openapi.yaml):
//   GET  /api/v1/invitations/{token}          who invited whom to what, until when
//   POST /api/v1/invitations/{token}/accept   {"name", "password"}: the
//        invitee's name and password are set, their memberships become
//        active, the link is used up, and they are signed in.
// An unknown link is 404; one used, expired or withdrawn (every tenant in it
// revoked or invited again since) is 410.
#pragma once

#include "api_router.hpp"
#include "database.hpp"
#include "public_address.hpp"

#include "core/program.hpp"

namespace web {

class InvitationRoutes {
public:
    InvitationRoutes(Database& database, const PublicAddress& address, const core::Program& program)
        : database_(database), address_(address), program_(program) {}

    void add_to(ApiRouter& router);

private:
    void show(ApiCall& call);
    void accept(ApiCall& call);

    Database& database_;
    const PublicAddress& address_;
    const core::Program& program_;
};

}  // namespace web
