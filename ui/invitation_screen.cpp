// The page an invitation link opens: who invited whom to which tenants in
// which role, and a name and password to become an active member, or, for an
// address that has an account already, that account's password.
#include "core/model/invitation_text.hpp"
#include "screens.hpp"
#include "style.hpp"
#include "widgets.hpp"

namespace ui {

void draw_invitation_screen(const core::State& state, Column column, Actions& out) {
    const Fonts& f = fonts();
    const core::InvitationView& v = state.invitation;
    const float width = std::min(column.width, px(460));
    const core::InvitationText text =
        v.invitation ? core::invitation_text(*v.invitation) : core::InvitationText{"Join the support portal", ""};
    heading(text.heading);
    ImGui::Dummy(ImVec2(0, px(8)));
    if (v.loading) {
        paragraph(f.body, colour::text_secondary, "Checking your invitation\xE2\x80\xA6");
        return;
    }
    if (!v.invitation) {
        paragraph(f.body, colour::text, v.error.empty() ? "This invitation link is not valid." : v.error);
        return;
    }
    const core::Invitation& inv = *v.invitation;
    paragraph(f.body, colour::text, text.sentence);
    ImGui::Dummy(ImVec2(0, px(12)));
    if (inv.existing_account) {
        // The link alone is not enough for an account that exists: its owner proves it.
        paragraph(f.body, colour::text, "You already have an account as " + inv.email + ". Sign in with its password to accept.");
        ImGui::Dummy(ImVec2(0, px(8)));
        std::string password = v.password;
        if (form_field("##password", "Your password", password, field_error(v.field_errors, "password"), "", true, width,
                       {"current-password", "", true}))
            out.push_back(core::EditInvitation{"password", password});
        ImGui::Dummy(ImVec2(0, px(8)));
        if (!v.error.empty() && v.field_errors.empty()) form_error(v.error, width);
        const bool pressed = button(v.busy ? "Signing in\xE2\x80\xA6" : "Sign in and accept", true);
        submits_form();
        if (pressed && !v.busy) out.push_back(core::SubmitInvitation{});
        return;
    }
    std::string name = v.name;
    if (form_field("##name", "Your name", name, field_error(v.field_errors, "name"), "", false, width, {"name", "", true}))
        out.push_back(core::EditInvitation{"name", name});
    ImGui::Dummy(ImVec2(0, px(8)));
    std::string password = v.password;
    if (form_field("##new-password", "Choose a password", password, field_error(v.field_errors, "password"),
                   "At least 12 characters.", true, width, {"new-password", "", true}))
        out.push_back(core::EditInvitation{"password", password});
    ImGui::Dummy(ImVec2(0, px(8)));
    if (!v.error.empty() && v.field_errors.empty()) form_error(v.error, width);
    const bool pressed = button(v.busy ? "Joining\xE2\x80\xA6" : "Join and sign in", true);
    submits_form();
    if (pressed && !v.busy) out.push_back(core::SubmitInvitation{});
}

}  // namespace ui
