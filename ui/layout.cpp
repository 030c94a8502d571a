#include "layout.hpp"

#include "style.hpp"
#include "widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>

namespace ui {

static constexpr float row_card_padding = 16;   // CSS px

bool narrow_layout() { return ImGui::GetIO().DisplaySize.x / scale() < narrow_below; }

RowCard begin_row_card(float width) {
    const RowCard card{ImGui::GetCursorScreenPos(), width, width - 2 * px(row_card_padding)};
    // The box is drawn behind the contents once their height is known.
    ImGui::GetWindowDrawList()->ChannelsSplit(2);
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
    ImGui::Indent(px(row_card_padding));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card.content_width);
    ImGui::Dummy(ImVec2(0, px(row_card_padding) - ImGui::GetStyle().ItemSpacing.y));
    return card;
}

void end_row_card(const RowCard& card) {
    ImGui::Dummy(ImVec2(0, px(row_card_padding) - ImGui::GetStyle().ItemSpacing.y));
    ImGui::PopTextWrapPos();
    ImGui::Unindent(px(row_card_padding));
    const ImVec2 end(card.start.x + card.width, ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(card.start, end, colour::surface, px(10));
    dl->AddRect(card.start, end, colour::border, px(10));
    dl->ChannelsMerge();
    ImGui::Dummy(ImVec2(0, px(4)));
}

void row_card_caption(const char* caption) {
    ImGui::PushFont(fonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, colour::text_secondary);
    ImGui::TextUnformatted(caption);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + px(2));
}

static bool wrapped_radio(const std::string& label, bool active) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float wrap_x = window->DC.TextWrapPos > 0 ? window->DC.TextWrapPos : ImGui::GetContentRegionMax().x;
    const float width = wrap_x - ImGui::GetCursorPosX();
    ImFont* font = ImGui::GetFont();
    const float font_size = ImGui::GetFontSize();
    const float circle = font_size + px(4);
    const float text_x = circle + px(10);
    const char* text_end = ImGui::FindRenderedTextEnd(label.c_str());
    const float text_height = font->CalcTextSizeA(font_size, FLT_MAX, width - text_x, label.c_str(), text_end).y;
    const float height = std::max(text_height, px(tap_target));
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton(label.c_str(), ImVec2(width, height));
    expose_label(std::string(label.c_str(), text_end));
    const bool hovered = ImGui::IsItemHovered();
    const float text_y = min.y + (height - text_height) * 0.5f;
    const ImVec2 centre(min.x + circle * 0.5f, text_y + font_size * 0.5f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddCircleFilled(centre, circle * 0.5f, colour::surface);
    dl->AddCircle(centre, circle * 0.5f, hovered ? colour::accent : colour::border_strong, 0, px(1));
    if (active) dl->AddCircleFilled(centre, circle * 0.25f, colour::accent);
    dl->AddText(font, font_size, ImVec2(min.x + text_x, text_y), ImGui::GetColorU32(ImGuiCol_Text), label.c_str(),
                text_end, width - text_x);
    return clicked;
}

bool radio(const std::string& label, bool active) {
    const bool pressed = narrow_layout() ? wrapped_radio(label, active) : ImGui::RadioButton(label.c_str(), active);
    // ImGui names only radios in view; the accessibility mirror needs every one.
    name_last_item(std::string_view(label).substr(0, label.find("##")), Role::Radio);
    describe(Role::Radio).checked = active;
    return pressed;
}

float dialog_width(float preferred) {
    return std::min(px(preferred), ImGui::GetIO().DisplaySize.x - 2 * px(16));
}

ImVec2 option_size() { return ImVec2(0, narrow_layout() ? px(tap_target) : 0); }

}  // namespace ui
