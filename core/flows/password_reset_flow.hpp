// A forgotten password: "Forgot password?" on the sign-in screen asks for a
// link by e-mail (#/forgot-password), and the link's page
// (#/reset-password/<token>) sets the new password and signs in. The part of
// update() for it.
#pragma once

#include "core/app.hpp"

namespace core {

using PasswordResetActions =
    Handles<OpenForgotPassword, EditPasswordReset, SubmitPasswordResetRequest, SubmitNewPassword,
            Answered<HttpReply::RequestPasswordReset>, Answered<HttpReply::PasswordReset>, Answered<HttpReply::ResetPassword>>;
std::vector<Effect> update_password_reset(State& state, const Action& action);

// The link's page entered: read what the link behind `token` resets (once).
std::vector<Effect> enter_password_reset_screen(State& state, const std::string& token);

}  // namespace core
