// The account page (#/account): two-step sign-in. Off: a button sets up an
// authenticator app: a QR code to scan (always black on white, whatever the
// palette, so every camera reads it), the key as text to type instead, and
// a field for the app's first code. On: how many recovery codes are left,
// and a code turns it off. The recovery codes are shown once, right after
// turning it on, with a way to copy them.
#include "screens.hpp"
#include "style.hpp"
#include "widgets.hpp"

namespace ui {

namespace {

// "JBSW Y3DP EHPK 3PXP": the key in groups of four, as apps that take it typed show it.
std::string grouped_key(const std::string& secret) {
    std::string grouped;
    for (size_t i = 0; i < secret.size(); i++) {
        if (i > 0 && i % 4 == 0) grouped += ' ';
        grouped += secret[i];
    }
    return grouped;
}

void draw_qr(const core::SecondFactorView& v, float width) {
    const int quiet = 4;   // modules of white around the code, as the standard asks
    const int cells = v.qr_size + 2 * quiet;
    const float module = std::max(2.0f, std::floor(std::min(width, px(240)) / float(cells)));
    const float side = module * float(cells);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, ImVec2(min.x + side, min.y + side), IM_COL32(255, 255, 255, 255));
    for (int row = 0; row < v.qr_size; row++)
        for (int column = 0; column < v.qr_size; column++)
            if (v.qr_modules[size_t(row) * size_t(v.qr_size) + size_t(column)] == '1') {
                const ImVec2 a(min.x + float(column + quiet) * module, min.y + float(row + quiet) * module);
                dl->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32(0, 0, 0, 255));
            }
    ImGui::Dummy(ImVec2(side, side));
    describe(Role::Text);
    expose_label("QR code for your authenticator app. The same key is written out below.");
}

void draw_setup(const core::SecondFactorView& v, float width, Actions& out) {
    const Fonts& f = fonts();
    heading("Set up your authenticator app", 2);
    paragraph(f.body, colour::text, "1. In your authenticator app (Google Authenticator, Microsoft Authenticator, 1Password, "
                                    "Authy, ...), add an account and scan this code.");
    ImGui::Dummy(ImVec2(0, px(8)));
    if (v.qr_size > 0) draw_qr(v, width);
    ImGui::Dummy(ImVec2(0, px(8)));
    paragraph(f.body, colour::text_secondary, "Cannot scan it? Type this key into the app instead (time-based):");
    paragraph(f.body_strong, colour::text, grouped_key(v.secret));
    if (button("Copy key", false)) ImGui::SetClipboardText(v.secret.c_str());
    ImGui::Dummy(ImVec2(0, px(16)));
    paragraph(f.body, colour::text, "2. Type the 6-digit code the app now shows for this account.");
    ImGui::Dummy(ImVec2(0, px(4)));
    std::string code = v.code;
    if (form_field("##second-factor-code", "Code from the app", code, v.error, "", false, std::min(width, px(240)),
                   {"one-time-code", "numeric", true}))
        out.push_back(core::EditSecondFactorCode{code});
    const bool entered = ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
    ImGui::Dummy(ImVec2(0, px(8)));
    const bool pressed = submit_button("Turn on two-step sign-in", "Turning on\xE2\x80\xA6", v.busy);
    submits_form();
    if ((pressed || entered) && !v.busy) out.push_back(core::ConfirmSecondFactor{});
    ImGui::SameLine();
    if (button("Cancel", false)) out.push_back(core::CancelSecondFactorSetup{});
}

void draw_recovery_codes(const core::SecondFactorView& v, float width, Actions& out) {
    const Fonts& f = fonts();
    heading("Save your recovery codes", 2);
    paragraph(f.body, colour::text,
              "If you lose your phone, each of these codes signs you in once instead of the app. This is the only time "
              "they are shown: copy them to your password manager or print them now.");
    ImGui::Dummy(ImVec2(0, px(8)));
    std::string all;
    for (const std::string& code : v.recovery_codes) {
        paragraph(f.body_strong, colour::text, code);
        all += code + "\n";
    }
    ImGui::Dummy(ImVec2(0, px(8)));
    if (button("Copy codes", false)) ImGui::SetClipboardText(all.c_str());
    ImGui::SameLine();
    if (button("I have saved them", true)) out.push_back(core::RecoveryCodesSaved{});
    (void)width;
}

void draw_turn_off(const core::SecondFactorView& v, float width, Actions& out) {
    const Fonts& f = fonts();
    paragraph(f.body, colour::success_text, "Two-step sign-in is on.");
    paragraph(f.body, colour::text_secondary,
              "Signing in asks for a code from your authenticator app after your password. " +
                  std::to_string(v.recovery_codes_left) +
                  (v.recovery_codes_left == 1 ? " recovery code is left." : " recovery codes are left."));
    ImGui::Dummy(ImVec2(0, px(16)));
    heading("Turn it off", 2);
    std::string code = v.code;
    if (form_field("##second-factor-off", "Code from the app, or a recovery code", code, v.error, "", false,
                   std::min(width, px(320)), {"one-time-code", "", true}))
        out.push_back(core::EditSecondFactorCode{code});
    const bool entered = ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
    ImGui::Dummy(ImVec2(0, px(8)));
    const bool pressed = submit_button("Turn off two-step sign-in", "Turning off\xE2\x80\xA6", v.busy);
    submits_form();
    if ((pressed || entered) && !v.busy) out.push_back(core::TurnOffSecondFactor{});
}

}  // namespace

void draw_account_screen(const core::State& state, Column column, Actions& out) {
    const Fonts& f = fonts();
    const core::SecondFactorView& v = state.second_factor;
    const float width = std::min(column.width, px(560));
    heading("Account");
    if (state.account) paragraph(f.body, colour::text_secondary, "Signed in as " + state.account->email + ".");
    ImGui::Dummy(ImVec2(0, px(16)));
    heading("Two-step sign-in", 2);
    if (!v.loaded && v.error.empty()) {
        paragraph(f.body, colour::text_secondary, "Loading\xE2\x80\xA6");
        return;
    }
    if (!v.recovery_codes.empty()) return draw_recovery_codes(v, width, out);
    if (v.enabled) return draw_turn_off(v, width, out);
    if (!v.secret.empty()) return draw_setup(v, width, out);
    paragraph(f.body, colour::text,
              "Two-step sign-in is off. Turned on, signing in needs a code from an authenticator app on your phone "
              "as well as your password, so a stolen password alone opens nothing.");
    ImGui::Dummy(ImVec2(0, px(8)));
    if (!v.error.empty()) form_error(v.error, width);
    const bool pressed = submit_button("Set up an authenticator app", "Setting up\xE2\x80\xA6", v.busy);
    if (pressed && !v.busy) out.push_back(core::StartSecondFactorSetup{});
}

}  // namespace ui
