// Sign-in: e-mail and password, Enter submits, errors in words. What the user
// typed stays (except a rejected password). "Forgot password?" leads to
// asking for a reset link; "Sign in with your company account" to the
// identity provider of the address's organisation. With two-step sign-in, a second step asks for the
// authenticator app's code (or a recovery code).
#include "screens.hpp"
#include "style.hpp"
#include "widgets.hpp"

namespace ui {

// The password was right; the account has two-step sign-in: the app's code.
static void draw_second_step(const core::State& state, float width, Actions& out) {
    const Fonts& f = fonts();
    paragraph(f.body, colour::text, "Open your authenticator app and type the code it shows for " + state.sign_in.email + ".");
    ImGui::Dummy(ImVec2(0, px(8)));
    std::string code = state.sign_in.code;
    if (form_field("##sign-in-code", "Code from the app", code, "", "Lost your phone? Type one of your recovery codes instead.",
                   false, std::min(width, px(320)), {"one-time-code", "numeric", true}))
        out.push_back(core::EditSignIn{"code", code});
    const bool entered = ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
    ImGui::Dummy(ImVec2(0, px(8)));
    if (!state.sign_in.error.empty()) form_error(state.sign_in.error, width);
    const bool pressed = button(state.sign_in.busy ? "Signing in\xE2\x80\xA6" : "Sign in", true);
    submits_form();
    if ((pressed || entered) && !state.sign_in.busy) out.push_back(core::SubmitSignIn{});
    ImGui::Dummy(ImVec2(0, px(12)));
    if (link_button("##sign-in-again", "Back to e-mail and password", "Back to e-mail and password", f.body))
        out.push_back(core::RestartSignIn{});
}

void draw_sign_in_screen(const core::State& state, Column column, Actions& out) {
    const Fonts& f = fonts();
    const float width = std::min(column.width, px(420));
    heading("Sign in");
    paragraph(f.body, colour::text_secondary, "Sign in to follow your tickets and, as a tenant admin, manage support users.");
    ImGui::Dummy(ImVec2(0, px(12)));
    if (state.session == core::SessionStatus::SignedIn && state.account) {
        paragraph(f.body, colour::text, "You are signed in as " + state.account->email + ".");
        return;
    }
    if (!state.sign_in.challenge.empty()) return draw_second_step(state, width, out);
    std::string email = state.sign_in.email;
    if (form_field("##email", "E-mail address", email, "", "", false, width, {"username", "email", true}))
        out.push_back(core::EditSignIn{"email", email});
    const bool submit_email = ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
    ImGui::Dummy(ImVec2(0, px(8)));
    std::string password = state.sign_in.password;
    if (form_field("##password", "Password", password, "", "", true, width, {"current-password", "", true}))
        out.push_back(core::EditSignIn{"password", password});
    const bool submit_password = ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
    ImGui::Dummy(ImVec2(0, px(8)));
    // The service's refusal of a company sign-in, until something newer is said.
    const auto* screen = std::get_if<core::SignInScreen>(&state.screen);
    if (!state.sign_in.error.empty()) form_error(state.sign_in.error, width);
    else if (screen && screen->refused) form_error(core::refusal_message(*screen->refused), width);
    const bool signing_in = state.sign_in.busy && !state.sign_in.to_company;
    const char* label = signing_in ? "Signing in\xE2\x80\xA6" : "Sign in";
    const bool pressed = button(label, true);
    submits_form();
    if ((pressed || submit_email || submit_password) && !state.sign_in.busy) out.push_back(core::SubmitSignIn{});
    ImGui::Dummy(ImVec2(0, px(12)));
    if (link_button("##forgot-password", "Forgot password?", "Forgot password?", f.body)) out.push_back(core::OpenForgotPassword{});
    ImGui::Dummy(ImVec2(0, px(20)));
    paragraph(f.body, colour::text_secondary,
              "Does your organisation sign in with its own identity provider? Type your work e-mail address above, then:");
    ImGui::Dummy(ImVec2(0, px(4)));
    const bool leaving = state.sign_in.busy && state.sign_in.to_company;
    if (button(leaving ? "Going to your company's sign-in\xE2\x80\xA6" : "Sign in with your company account", false) &&
        !state.sign_in.busy)
        out.push_back(core::SignInWithCompany{});
}

}  // namespace ui
