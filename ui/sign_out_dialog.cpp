// Asked before signing out while drafts are on this device: they outlive the
// session on purpose (nothing typed is lost), but on a shared computer the
// person may want them gone.
#include "layout.hpp"
#include "screens.hpp"
#include "style.hpp"
#include "widgets.hpp"

#include "core/model/draft_list.hpp"

namespace ui {

void draw_sign_out_dialog(const core::State& state, Actions& out) {
    const char* title = "Keep drafts on this device?";
    const bool asked = state.drafts.sign_out_asked;
    if (asked && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    ImGui::SetNextWindowSize(ImVec2(dialog_width(580), 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(24), px(20)));
    if (!ImGui::BeginPopupModal(title, nullptr, dialog_flags)) {
        ImGui::PopStyleVar();
        return;
    }
    if (!asked) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        ImGui::PopStyleVar();
        return;
    }
    const Fonts& f = fonts();
    const std::vector<core::DraftEntry> drafts = core::list_drafts(state);
    std::string names;
    for (size_t i = 0; i < drafts.size(); ++i)
        names += (i == 0 ? "" : i + 1 == drafts.size() ? " and " : ", ") + drafts[i].title;
    const std::string count = drafts.size() == 1 ? "a draft" : std::to_string(drafts.size()) + " drafts";

    dialog_heading(title);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX());
    const std::string what = "You have " + count + " not yet submitted: " + names + ".";
    paragraph(f.body, colour::text, what);
    expose_label(what);
    ImGui::Dummy(ImVec2(0, px(4)));
    paragraph(f.body, colour::text_secondary,
              "Drafts stay in this browser until you submit them, also after you sign out, so anyone who uses it "
              "can open them. On a shared computer, wipe them.");
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, px(12)));
    if (button("Keep drafts and sign out", true)) out.push_back(core::KeepDraftsAndSignOut{});
    ImGui::SameLine(0, px(8));
    ImGui::PushStyleColor(ImGuiCol_Text, colour::danger_text);
    if (button("Wipe drafts and sign out", false)) out.push_back(core::WipeDraftsAndSignOut{});
    ImGui::PopStyleColor();
    // Cancel at the far right, away from the two ways out.
    const float cancel_width = ImGui::CalcTextSize("Cancel").x + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - cancel_width);
    if (button("Cancel", false)) out.push_back(core::CancelSignOut{});
    cancels_dialog();
    ImGui::EndPopup();
    ImGui::PopStyleVar();
}

}  // namespace ui
