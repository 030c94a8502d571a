// Messages above the screen, in one calm blue banner style: the one-line
// notice (e.g. the service could not be reached and the built-in program is
// in use) with a way to dismiss it, and the news that a new version is ready.
#include "screens.hpp"
#include "style.hpp"
#include "widgets.hpp"

#include <algorithm>
#include <cfloat>

namespace ui {

namespace {

// A banner as wide as the column: wrapped text, one button on the right.
// Returns true when the button was pressed.
bool banner(const std::string& text, const char* button_text, bool primary_button, Column column) {
    const Fonts& f = fonts();
    const float padding = px(14);
    const float button_width = f.body->CalcTextSizeA(f.body->FontSize, FLT_MAX, 0, button_text).x +
                               2 * ImGui::GetStyle().FramePadding.x;
    // One tone for news good and bad (a ticket received, a zone that could
    // not load): the words carry the meaning; warnings beside fields are amber.
    std::vector<TextRun> runs{{f.body, colour::text, text, 0, false}};
    const float text_width = column.width - 3 * padding - button_width;
    const float text_height = measure_runs(runs, text_width);
    const float height = std::max(text_height, ImGui::GetFrameHeight()) + 2 * padding;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, ImVec2(min.x + column.width, min.y + height), colour::accent_soft, px(8));
    dl->AddRect(min, ImVec2(min.x + column.width, min.y + height), colour::accent_border, px(8));
    // A line shorter than the button sits level with it.
    draw_runs(dl, ImVec2(min.x + padding, min.y + (height - text_height) * 0.5f), runs, text_width);
    ImGui::Dummy(ImVec2(text_width, height));
    expose_label(text);
    describe(Role::Status);   // a ticket filed, an update ready: announced as they appear
    ImGui::SetCursorScreenPos(ImVec2(min.x + column.width - padding - button_width,
                                     min.y + (height - ImGui::GetFrameHeight()) * 0.5f));
    const bool pressed = button(button_text, primary_button);
    ImGui::SetCursorScreenPos(ImVec2(min.x, min.y + height));
    ImGui::Dummy(ImVec2(0, px(16)));
    return pressed;
}

}  // namespace

void draw_update_banner(const core::State& state, Column column, Actions& out) {
    if (!state.update_ready) return;
    // The only way to the new version is the user's click: reloading under
    // someone mid-sentence would be rude even though drafts are kept.
    if (banner("A new version of the Support Portal is ready.", "Reload to update", true, column))
        out.push_back(core::ApplyUpdate{});
}

void draw_notice(const core::State& state, Column column, Actions& out) {
    if (state.notice.empty()) return;
    if (banner(state.notice, "Dismiss", false, column)) out.push_back(core::DismissNotice{});
}

}  // namespace ui
