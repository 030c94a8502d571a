// Sign-in, the session, the tenant being worked in, support-only user
// management and invitation acceptance: the part of update() for accounts.
#pragma once

#include "app.hpp"

namespace core {

using AccountsActions =
    Handles<EditSignIn, SubmitSignIn, OpenSignIn, ChooseTenant, OpenUsers, EditUserSearch, Fired<Timer::UserSearch>,
            ChooseUserStatus, SortUsers, LoadMoreUsers, LoadOlderAudit, SelectUser, AskRevoke, CancelRevoke,
            ConfirmRevoke, OpenInvite, CloseInvite, EditInvite, ToggleInviteTenant, SubmitInvite, EditInvitation,
            SubmitInvitation, Answered<HttpReply::Session>, Answered<HttpReply::SignIn>,
            Answered<HttpReply::SignOut>, Answered<HttpReply::Invitation>, Answered<HttpReply::AcceptInvitation>,
            Answered<HttpReply::Users>, Answered<HttpReply::Audit>, Answered<HttpReply::UserDetails>,
            Answered<HttpReply::Revoke>, Answered<HttpReply::Invite>>;
std::vector<Effect> update_accounts(State& state, const Action& action);

// Ends the session here and at the service, and goes to the sign-in screen
// (the drafts flow owns SignOut: it may ask about drafts first).
std::vector<Effect> sign_out_now(State& state);

// Called when a screen is entered (or the session becomes known): fetches
// what the screen shows, or sends the user to sign in.
std::vector<Effect> enter_account_screen(State& state);

// Everything entering the current screen needs (app.cpp): tickets, users, ...
std::vector<Effect> enter_screen(State& state);

// Goes to `next` with a history entry and enters it (app.cpp).
std::vector<Effect> navigate(State& state, Screen next);

// Any protected request answered 401: the session is over.
std::vector<Effect> session_ended(State& state);

// The service (or, offline, the device) says who is signed in: the account
// and the tenant worked in, kept if it is still theirs.
void signed_in(State& state, Account account);

// Signed out (by the person or the service): the account and every private
// thing kept for offline reading go, here and on the device.
std::vector<Effect> forget_private_data(State& state);

// The first request of every start: who is signed in.
Effect check_session();

}  // namespace core
