// A forgotten password: the page that asks for a link by e-mail, and the page
// the link opens to choose the new password. Both say the same thing for an
// address with an account and one without, as the service does.
#include "screens.hpp"
#include "style.hpp"
#include "widgets.hpp"

namespace ui {

void draw_forgot_password_screen(const core::State& state, Column column, Actions& out) {
    const Fonts& f = fonts();
    const core::PasswordResetView& v = state.password_reset;
    const float width = std::min(column.width, px(420));
    heading("Forgot your password?");
    paragraph(f.body, colour::text_secondary,
              "Enter the e-mail address you sign in with. We send it a link to choose a new password.");
    ImGui::Dummy(ImVec2(0, px(12)));
    std::string email = v.email;
    if (form_field("##reset-email", "E-mail address", email, field_error(v.field_errors, "email"), "", false, width,
                   {"username", "email", true}))
        out.push_back(core::EditPasswordReset{"email", email});
    ImGui::Dummy(ImVec2(0, px(8)));
    if (!v.sent_to.empty()) {
        const std::string lifetime = v.link_minutes > 0 ? " It works for " + std::to_string(v.link_minutes) + " minutes." : "";
        callout({{f.body_strong, colour::text, "Check your inbox"},
                 {f.body, colour::text,
                  "If " + v.sent_to + " has an account here, a link to choose a new password is on its way." + lifetime +
                      " Nothing arrived after a few minutes? Look in the spam folder, or ask again.",
                  px(4)}},
                colour::success_soft, colour::success_border, width);
        describe(Role::Status);   // said when it appears: the page itself does not move
        ImGui::Dummy(ImVec2(0, px(8)));
    }
    if (!v.error.empty() && v.field_errors.empty()) form_error(v.error, width);
    const bool pressed = submit_button(v.sent_to.empty() ? "Send me a link" : "Send another link", "Sending\xE2\x80\xA6", v.busy);
    submits_form();
    if (pressed) out.push_back(core::SubmitPasswordResetRequest{});
    ImGui::Dummy(ImVec2(0, px(12)));
    if (link_button("##back-to-sign-in", "\xE2\x86\x90 Back to sign in", "Back to sign in", f.body)) out.push_back(core::OpenSignIn{});
}

void draw_password_reset_screen(const core::State& state, Column column, Actions& out) {
    const Fonts& f = fonts();
    const core::PasswordResetView& v = state.password_reset;
    const float width = std::min(column.width, px(420));
    heading("Choose a new password");
    ImGui::Dummy(ImVec2(0, px(8)));
    if (v.loading) {
        paragraph(f.body, colour::text_secondary, "Checking your link\xE2\x80\xA6");
        return;
    }
    if (v.account_email.empty()) {
        // The link cannot be used (unknown, used, expired): the way on is a new one.
        form_error(v.error.empty() ? "This link is not valid." : v.error, width);
        ImGui::Dummy(ImVec2(0, px(8)));
        if (button("Ask for a new link", true)) out.push_back(core::OpenForgotPassword{});
        return;
    }
    paragraph(f.body, colour::text,
              "For " + v.account_email + ". Choosing it signs you in here and out everywhere else.");
    ImGui::Dummy(ImVec2(0, px(12)));
    std::string password = v.password;
    if (form_field("##new-password", "New password", password, field_error(v.field_errors, "password"),
                   "At least 12 characters.", true, width, {"new-password", "", true}))
        out.push_back(core::EditPasswordReset{"password", password});
    ImGui::Dummy(ImVec2(0, px(8)));
    if (!v.error.empty() && v.field_errors.empty()) form_error(v.error, width);
    const bool pressed = submit_button("Set password and sign in", "Setting\xE2\x80\xA6", v.busy);
    submits_form();
    if (pressed) out.push_back(core::SubmitNewPassword{});
}

}  // namespace ui
