#include "widgets.hpp"

#include "layout.hpp"
#include "style.hpp"

#include <imgui_internal.h>

#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cfloat>

namespace ui {

void expose_label(std::string_view label) { name_last_item(label); }

void expose_label(ImGuiID id, std::string_view label) {
    const std::string text(label);
    ImGuiContext& g = *GImGui;
    (void)g;
    IMGUI_TEST_ENGINE_ITEM_INFO(id, text.c_str(), 0);
}

void heading(std::string_view text, int level) {
    const Fonts& f = fonts();
    ImGui::PushFont(level <= 1 ? f.heading : f.title);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopFont();
    name_last_item(text, Role::Heading);
    describe(Role::Heading).level = level;
}

void submits_form() { describe(Role::Button).submits = true; }
void cancels_dialog() { describe(Role::Button).cancels = true; }

static float run_height(const TextRun& run, float width) {
    const float indent = run.bullet ? px(16) : 0;
    ImVec2 size = run.font->CalcTextSizeA(run.font->FontSize, FLT_MAX, width - indent,
                                          run.text.data(), run.text.data() + run.text.size());
    return size.y;
}

float measure_runs(const std::vector<TextRun>& runs, float width) {
    float height = 0;
    for (const TextRun& run : runs) height += px(run.space_before) + run_height(run, width);
    return height;
}

float draw_runs(ImDrawList* draw_list, ImVec2 origin, const std::vector<TextRun>& runs, float width) {
    float y = origin.y;
    for (const TextRun& run : runs) {
        y += px(run.space_before);
        float x = origin.x;
        if (run.bullet) {
            const float radius = px(2.5f);
            draw_list->AddCircleFilled(ImVec2(x + px(5), y + run.font->FontSize * 0.55f), radius, run.colour);
            x += px(16);
        }
        draw_list->AddText(run.font, run.font->FontSize, ImVec2(x, y), run.colour, run.text.data(),
                           run.text.data() + run.text.size(), width - (x - origin.x));
        y += run_height(run, width);
    }
    return y - origin.y;
}

void paragraph(ImFont* font, ImU32 colour, std::string_view text) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("%.*s", static_cast<int>(text.size()), text.data());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    name_last_item(text);
}

bool card_button(const char* id, std::string_view label, ImVec2 size, bool* hovered) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton(id, size);
    expose_label(label);
    describe(Role::Link);
    *hovered = ImGui::IsItemHovered();
    if (*hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const ImVec2 max(min.x + size.x, min.y + size.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (*hovered) dl->AddRectFilled(ImVec2(min.x, min.y + px(2)), ImVec2(max.x, max.y + px(2)),
                                    colour::card_shadow, px(10));
    dl->AddRectFilled(min, max, colour::surface, px(10));
    dl->AddRect(min, max, *hovered ? colour::accent : colour::border, px(10), 0, *hovered ? px(1.5f) : px(1));
    return clicked;
}

bool link_button(const char* id, std::string_view text, std::string_view label, ImFont* font) {
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size());
    ImVec2 min = ImGui::GetCursorScreenPos();
    // On phones the link is as tall as a fingertip, its text centred in it.
    const float height = narrow_layout() ? std::max(size.y, px(tap_target)) : size.y;
    const bool clicked = ImGui::InvisibleButton(id, ImVec2(size.x, height));
    min.y += (height - size.y) * 0.5f;
    expose_label(label);
    describe(Role::Link);
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(font, font->FontSize, min, colour::accent, text.data(), text.data() + text.size());
    if (hovered) dl->AddLine(ImVec2(min.x, min.y + size.y), ImVec2(min.x + size.x, min.y + size.y), colour::accent, px(1));
    return clicked;
}

bool submit_button(std::string_view text, std::string_view busy_text, bool busy) {
    if (!busy) {
        const bool pressed = button(text, true);
        submits_form();
        return pressed;
    }
    ImGui::BeginDisabled();
    button(busy_text, true);
    ImGui::EndDisabled();
    describe(Role::Button).disabled = true;
    return false;
}

bool button(std::string_view text, bool primary) {
    const std::string label(text);
    if (primary) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(colour::accent));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour::accent_hovered);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, colour::accent_pressed);
        ImGui::PushStyleColor(ImGuiCol_Text, colour::on_accent);
        ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(colour::accent));
    }
    const bool clicked = ImGui::Button(label.c_str());
    // ImGui names only buttons in view; the mirror needs every one.
    name_last_item(std::string_view(label).substr(0, label.find("##")), Role::Button);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (primary) ImGui::PopStyleColor(5);
    return clicked;
}

void beside_if_room(std::string_view next_button_text) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float spacing = px(8);
    const float width = ImGui::CalcTextSize(next_button_text.data(), next_button_text.data() + next_button_text.size()).x +
                        2 * style.FramePadding.x;
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float right_edge = window->DC.TextWrapPos > 0 ? window->Pos.x + window->DC.TextWrapPos - window->Scroll.x
                                                        : window->Pos.x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + spacing + width <= right_edge) ImGui::SameLine(0, spacing);
}

bool text_area(const char* id, std::string_view caption, std::string& value, std::string_view error, ImVec2 size,
               bool required) {
    ImGui::PushFont(fonts().body_strong);
    ImGui::TextUnformatted(caption.data(), caption.data() + caption.size());
    ImGui::PopFont();
    const bool edited = ImGui::InputTextMultiline(id, &value, size);
    expose_label(caption);
    ItemState& field = describe(Role::TextField);
    field.value = value;
    field.multiline = true;
    field.required = required;
    field.description = std::string(error);
    field.invalid = !error.empty();
    focus_ring_if_active();
    if (!error.empty()) error_text(error);
    return edited;
}

bool form_field(const char* id, std::string_view caption, std::string& value, std::string_view error,
                std::string_view hint, bool password, float width, FieldPurpose purpose) {
    const Fonts& f = fonts();
    ImGui::PushFont(f.body_strong);
    ImGui::TextUnformatted(caption.data(), caption.data() + caption.size());
    ImGui::PopFont();
    if (width <= 0) width = std::min(ImGui::GetContentRegionAvail().x, px(420));
    ImGui::SetNextItemWidth(width);
    if (!error.empty()) ImGui::PushStyleColor(ImGuiCol_Border, colour::danger_border);
    const bool changed = ImGui::InputText(id, &value, password ? ImGuiInputTextFlags_Password : 0);
    if (!error.empty()) ImGui::PopStyleColor();
    expose_label(caption);
    ItemState& field = describe(Role::TextField);
    field.value = value;
    field.description.assign(error.empty() ? hint : error);
    field.invalid = !error.empty();
    field.password = password;
    field.required = purpose.required;
    field.autocomplete = purpose.autocomplete;
    field.input_mode = purpose.input_mode;
    focus_ring_if_active();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    if (!error.empty()) field_error_text(error);
    else if (!hint.empty()) paragraph(f.small, colour::text_secondary, hint);
    ImGui::PopTextWrapPos();
    return changed;
}

bool choice_combo(const char* id, std::string_view caption, const std::vector<std::string>& options, int& chosen,
                  float width) {
    const Fonts& f = fonts();
    ImGui::BeginGroup();
    // The caption names the combo box (expose_label), not an item of its own.
    ImGui::PushFont(f.small);
    ImGui::PushStyleColor(ImGuiCol_Text, colour::text_secondary);
    ImGui::TextUnformatted(caption.data(), caption.data() + caption.size());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SetNextItemWidth(width);
    const ImGuiID combo_id = ImGui::GetID(id);
    const bool open = ImGui::BeginCombo(id, options[chosen].c_str());
    expose_label(combo_id, caption);
    ItemState& combo = describe(Role::ComboBox);
    combo.value = options[chosen];
    combo.expanded = open;
    bool changed = false;
    if (open) {
        begin_group(Role::ListBox, caption);
        for (int i = 0; i < int(options.size()); ++i) {
            ImGui::PushID(i);
            if (ImGui::Selectable(options[i].c_str(), i == chosen, 0, option_size()) && i != chosen) {
                chosen = i;
                changed = true;
            }
            describe(Role::Option).selected = i == chosen;
            ImGui::PopID();
        }
        end_group();
        ImGui::EndCombo();
    }
    ImGui::EndGroup();
    return changed;
}

void form_error(std::string_view text, float width) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    error_text(text);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, px(4)));
}

std::string field_error(const std::map<std::string, std::string>& errors, const char* field) {
    auto it = errors.find(field);
    return it == errors.end() ? std::string() : it->second;
}

void dialog_heading(const char* text) {
    begin_dialog(text);
    heading(text, 2);   // a test finds the dialog by its heading
    ImGui::Dummy(ImVec2(0, px(4)));
}

void error_text(std::string_view text) {
    paragraph(fonts().small, colour::danger_text, text);
    describe(Role::Alert);
}

void field_error_text(std::string_view text) { paragraph(fonts().small, colour::danger_text, text); }

void callout(const std::vector<TextRun>& runs, ImU32 background, ImU32 border, float width) {
    const float padding = px(16);
    const float height = measure_runs(runs, width - 2 * padding) + 2 * padding;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + height);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, background, px(8));
    dl->AddRect(min, max, border, px(8));
    draw_runs(dl, ImVec2(min.x + padding, min.y + padding), runs, width - 2 * padding);
    ImGui::Dummy(ImVec2(width, height));
    std::string label;
    for (const TextRun& run : runs) label += (label.empty() ? "" : "\n") + run.text;
    expose_label(label);
}

// Cuts `text` to fit `width` with an ellipsis, on a UTF-8 character boundary.
std::string fit_to_width(ImFont* font, const std::string& text, float width) {
    auto width_of = [&](const std::string& t) { return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, t.c_str()).x; };
    if (width_of(text) <= width) return text;
    const std::string ellipsis = "\xE2\x80\xA6";
    size_t low = 0, high = text.size();
    while (low < high) {   // the longest prefix that fits with the ellipsis
        size_t mid = (low + high + 1) / 2;
        while (mid > 0 && (static_cast<unsigned char>(text[mid]) & 0xC0) == 0x80) --mid;
        if (mid <= low) break;
        if (width_of(text.substr(0, mid) + ellipsis) <= width) low = mid;
        else high = mid - 1;
    }
    return text.substr(0, low) + ellipsis;
}

void cell_text(ImFont* font, ImU32 colour, const std::string& text, float row_height) {
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (row_height - font->FontSize) * 0.5f);
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(fit_to_width(font, text, ImGui::GetContentRegionAvail().x).c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    name_last_item(text);   // all of it, where the eye sees "..."
}

namespace {
ImGuiID g_row_id = 0;      // the row being laid out: its cells' ids derive from it
bool g_cell_open = false;
}  // namespace

void begin_table_semantics(std::string_view name, int rows) {
    begin_group(Role::Table, name).value = std::to_string(rows);
}

void end_table_semantics() { end_group(); }

void begin_table_row(std::string_view key, int number) {
    g_row_id = ImHashData(key.data(), key.size(), ImGui::GetID("##row"));
    begin_group(Role::Row, key, g_row_id).value = std::to_string(number);
}

void table_cell(int column, Role role) {
    if (g_cell_open) end_group();
    ImGui::TableSetColumnIndex(column);
    begin_group(role, {}, ImHashData(&column, sizeof column, g_row_id));
    g_cell_open = true;
}

void end_table_row() {
    if (g_cell_open) end_group();
    g_cell_open = false;
    end_group();
}

void put_text_cursor_at_end() {
    ImGuiInputTextState* text = ImGui::GetInputTextState(ImGui::GetItemID());
    if (!text) return;
    text->Stb.cursor = text->CurLenW;
    text->ClearSelection();
}

void focus_ring_if_active() {
    if (!ImGui::IsItemActive()) return;
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    const float grow = px(1);
    ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - grow, min.y - grow), ImVec2(max.x + grow, max.y + grow),
                                        colour::accent, ImGui::GetStyle().FrameRounding + grow, 0, px(2));
}

}  // namespace ui
