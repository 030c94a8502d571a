// Support-only users of a tenant, for its admins: the list with search as
// you type, status filter, sorting and paging, one user's details, revoking
// (confirmed first), inviting, and the audit log. The part of update() for them.
#pragma once

#include "core/app.hpp"

namespace core {

using UsersActions =
    Handles<OpenUsers, EditUserSearch, Fired<Timer::UserSearch>, ChooseUserStatus, SortUsers, LoadMoreUsers,
            LoadOlderAudit, SelectUser, AskRevoke, CancelRevoke, ConfirmRevoke, OpenInvite, CloseInvite, EditInvite,
            ToggleInviteTenant, SubmitInvite, Answered<HttpReply::Users>, Answered<HttpReply::Audit>,
            Answered<HttpReply::UserDetails>, Answered<HttpReply::Revoke>, Answered<HttpReply::Invite>>;
std::vector<Effect> update_users(State& state, const Action& action);

// #/users entered with a known session: the list and the audit log of the
// tenant worked in, for its admins (others see why not).
std::vector<Effect> enter_users_screen(State& state);

}  // namespace core
