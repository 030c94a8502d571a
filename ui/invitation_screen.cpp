// The page an invitation link opens: who invited whom to which services, and
// a name and password to become an active support-only user, or, for an
// address that has an account already, that account's password.
#include "screens.hpp"
#include "style.hpp"
#include "widgets.hpp"

namespace ui {

static std::string field_error(const std::map<std::string, std::string>& errors, const char* field) {
    auto it = errors.find(field);
    return it == errors.end() ? std::string() : it->second;
}

void draw_invitation_screen(const core::State& state, Column column, Actions& out) {
    const Fonts& f = fonts();
    const core::InvitationView& v = state.invitation;
    const float width = std::min(column.width, px(460));
    heading("Join as a support user");
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
    std::string services;
    for (const core::Membership& t : inv.tenants)
        services += (services.empty() ? "" : ", ") + (t.tenant_name.empty() ? t.tenant : t.tenant_name);
    paragraph(f.body, colour::text,
              (inv.invited_by.empty() ? std::string("You were") : inv.invited_by + " invited you") +
                  " to get support for " + services + " as " + inv.email +
                  ". As a support user there, you can open, view and comment on tickets and receive notifications, "
                  "without administration access.");
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
        if (!v.error.empty() && v.field_errors.empty()) error_text(v.error);
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
    if (!v.error.empty() && v.field_errors.empty()) error_text(v.error);
    const bool pressed = button(v.busy ? "Joining\xE2\x80\xA6" : "Join and sign in", true);
    submits_form();
    if (pressed && !v.busy) out.push_back(core::SubmitInvitation{});
}

}  // namespace ui
