// A one-line message above the screen (e.g. the service could not be reached
// and the built-in program is in use), with a way to dismiss it.
#include "screens.hpp"
#include "style.hpp"
#include "widgets.hpp"

#include <algorithm>
#include <cfloat>

namespace ui {

void draw_notice(const core::State& state, Column column, Actions& out) {
    if (state.notice.empty()) return;
    const Fonts& f = fonts();
    const float padding = px(14);
    const char* dismiss = "Dismiss";
    const float button_width = f.body->CalcTextSizeA(f.body->FontSize, FLT_MAX, 0, dismiss).x +
                               2 * ImGui::GetStyle().FramePadding.x;
    // One tone for news good and bad (a ticket received, a zone that could
    // not load): the words carry the meaning; warnings beside fields are amber.
    std::vector<TextRun> runs{{f.body, colour::text, state.notice, 0, false}};
    const float text_width = column.width - 3 * padding - button_width;
    const float height = std::max(measure_runs(runs, text_width), ImGui::GetFrameHeight()) + 2 * padding;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, ImVec2(min.x + column.width, min.y + height), colour::accent_soft, px(8));
    dl->AddRect(min, ImVec2(min.x + column.width, min.y + height), colour::accent_border, px(8));
    draw_runs(dl, ImVec2(min.x + padding, min.y + padding), runs, text_width);
    ImGui::Dummy(ImVec2(text_width, height));
    expose_label(state.notice);
    ImGui::SetCursorScreenPos(ImVec2(min.x + column.width - padding - button_width,
                                     min.y + (height - ImGui::GetFrameHeight()) * 0.5f));
    if (button(dismiss, false)) out.push_back(core::DismissNotice{});
    ImGui::SetCursorScreenPos(ImVec2(min.x, min.y + height));
    ImGui::Dummy(ImVec2(0, px(16)));
}

}  // namespace ui
