// Who is signed in: the sign-in form, the session's check at start, the
// tenant being worked in, signing out, and what every other flow needs when
// the session begins or ends. The part of update() for the session.
#pragma once

#include "core/app.hpp"

#include <optional>

namespace core {

using SessionActions = Handles<EditSignIn, SubmitSignIn, OpenSignIn, RestartSignIn, SignInWithCompany, ChooseTenant,
                               Answered<HttpReply::Session>, Answered<HttpReply::SignIn>, Answered<HttpReply::SignOut>,
                               Answered<HttpReply::CompanySignIn>>;
std::vector<Effect> update_session(State& state, const Action& action);

// Called when a screen is entered (or the session becomes known): fetches
// what the screen shows, or sends the user to sign in.
std::vector<Effect> enter_account_screen(State& state);

// Everything entering the current screen needs (app.cpp): tickets, users, ...
std::vector<Effect> enter_screen(State& state);

// Goes to `next` with a history entry and enters it (app.cpp).
std::vector<Effect> navigate(State& state, Screen next);
// Goes to `next` with a history entry, without entering it; nothing when
// already there.
void push_screen(State& state, Screen next, std::vector<Effect>& effects);

// Any protected request answered 401: the session is over.
std::vector<Effect> session_ended(State& state);

// The service (or, offline, the device) says who is signed in: the account
// and the tenant worked in, kept if it is still theirs.
void signed_in(State& state, Account account);

// A 200 answer carrying the account (signing in, accepting an invitation):
// signed in, on to where the person was going. nullopt when the answer is
// not that, for the caller to say why.
std::optional<std::vector<Effect>> signed_in_by(State& state, const HttpAnswer& answer);

// Signed out (by the person or the service): the account and every private
// thing kept for offline reading go, here and on the device.
std::vector<Effect> forget_private_data(State& state);

// Ends the session here and at the service, and goes to the sign-in screen
// (the drafts flow owns SignOut: it may ask about drafts first).
std::vector<Effect> sign_out_now(State& state);

// A 202 answer with a second factor's challenge (signing in, a new
// password): on to the sign-in screen's second step for `email`. False
// when the answer is not that.
bool second_factor_asked(State& state, const HttpAnswer& answer, const std::string& email);

// The first request of every start: who is signed in.
Effect check_session();

}  // namespace core
