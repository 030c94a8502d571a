// Accepting an invitation to support (#/invitation/<token>): the invitation read
// from the service, a new account's name and password (or an existing
// account's password), and signing in once accepted. The part of update()
// for it.
#pragma once

#include "core/app.hpp"

namespace core {

using InvitationActions =
    Handles<EditInvitation, SubmitInvitation, Answered<HttpReply::Invitation>, Answered<HttpReply::AcceptInvitation>>;
std::vector<Effect> update_invitation(State& state, const Action& action);

// The invitation page entered: read the invitation behind `token` (once).
std::vector<Effect> enter_invitation_screen(State& state, const std::string& token);

}  // namespace core
