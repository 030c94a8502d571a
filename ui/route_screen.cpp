// A route's form: what the route is for, then each identifier it asks for with
// its caption above the field and the hint and an example below. Values live
// in State::drafts, so leaving and coming back keeps them.
#include "screens.hpp"
#include "style.hpp"
#include "widgets.hpp"

#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>

namespace ui {

static const std::string& draft_value(const core::State& state, const std::string& route_id,
                                      const std::string& field_id) {
    static const std::string empty;
    auto route = state.drafts.find(route_id);
    if (route == state.drafts.end()) return empty;
    auto field = route->second.find(field_id);
    return field == route->second.end() ? empty : field->second;
}

static void draw_about_panel(const core::Route& route, Column column) {
    const Fonts& f = fonts();
    std::vector<TextRun> runs;
    runs.push_back({f.small, colour::text_secondary, "USE THIS PATH WHEN", 0, false});
    runs.push_back({f.body, colour::text, route.use_when, 6, false});
    if (!route.include.empty()) {
        runs.push_back({f.small, colour::text_secondary, "WHAT TO INCLUDE", 16, false});
        for (size_t i = 0; i < route.include.size(); ++i)
            runs.push_back({f.body, colour::text, route.include[i], i == 0 ? 6.0f : 4.0f, true});
    }
    const float padding = px(20);
    const float height = measure_runs(runs, column.width - 2 * padding) + 2 * padding;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + column.width, min.y + height);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, colour::accent_soft, px(10));
    dl->AddRect(min, max, IM_COL32(208, 222, 252, 255), px(10));
    draw_runs(dl, ImVec2(min.x + padding, min.y + padding), runs, column.width - 2 * padding);
    ImGui::Dummy(ImVec2(column.width, height));
}

static void draw_field(const core::State& state, const core::Route& route, const core::Field& field, float width,
                       Actions& out) {
    const Fonts& f = fonts();
    ImGui::PushID(field.id.c_str());

    ImGui::PushFont(f.body_strong);
    ImGui::TextUnformatted(field.caption.c_str());
    ImGui::PopFont();
    ImGui::SameLine(0, px(8));
    ImGui::PushFont(f.small);
    ImGui::PushStyleColor(ImGuiCol_Text, colour::text_secondary);
    ImGui::TextUnformatted(field.required ? "Required" : "Optional");
    ImGui::PopStyleColor();
    ImGui::PopFont();

    std::string value = draft_value(state, route.id, field.id);
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    switch (field.kind) {
    case core::FieldKind::LongText:
        changed = ImGui::InputTextMultiline("##value", &value, ImVec2(width, px(140)));
        expose_label(field.caption);
        focus_ring_if_active();
        break;
    case core::FieldKind::Choice: {
        const char* preview = value.empty() ? "Choose one" : value.c_str();
        const ImGuiID combo_id = ImGui::GetID("##value");
        const bool open = ImGui::BeginCombo("##value", preview);
        expose_label(combo_id, field.caption);
        if (open) {
            for (const std::string& choice : field.choices) {
                if (ImGui::Selectable(choice.c_str(), choice == value)) {
                    value = choice;
                    changed = true;
                }
            }
            ImGui::EndCombo();
        }
        break;
    }
    default: {
        // No placeholder: a grey example inside the box reads like a value.
        changed = ImGui::InputText("##value", &value);
        expose_label(field.caption);
        focus_ring_if_active();
        break;
    }
    }
    if (changed) out.push_back(core::EditField{route.id, field.id, value});

    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    if (!field.hint.empty()) paragraph(f.small, colour::text_secondary, field.hint);
    if (!field.example.empty() && field.kind != core::FieldKind::Choice)
        paragraph(f.small, colour::text_secondary, "Example: " + field.example);
    ImGui::PopTextWrapPos();
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, px(14)));
}

void draw_route_screen(const core::State& state, const core::RouteScreen& screen, Column column, Actions& out) {
    const Fonts& f = fonts();
    const core::Route* route = state.program.find_route(screen.route_id);
    if (!route) {
        draw_not_found_screen(core::NotFoundScreen{location_of(screen)}, column, out);
        return;
    }
    if (link_button("##back", "\xE2\x86\x90 All support routes", "All support routes", f.body)) out.push_back(core::GoHome{});
    ImGui::Dummy(ImVec2(0, px(8)));

    ImGui::PushFont(f.heading);
    ImGui::TextUnformatted(route->title.c_str());
    ImGui::PopFont();
    paragraph(f.body, colour::text_secondary, route->subtitle);
    ImGui::Dummy(ImVec2(0, px(12)));
    draw_about_panel(*route, column);
    ImGui::Dummy(ImVec2(0, px(20)));

    ImGui::PushFont(f.title);
    ImGui::TextUnformatted("Details support needs");
    ImGui::PopFont();
    paragraph(f.small, colour::text_secondary,
              "What you type stays here while you move around the portal.");
    ImGui::Dummy(ImVec2(0, px(10)));

    const float field_width = std::min(column.width, px(680));
    for (const core::Field& field : route->fields) draw_field(state, *route, field, field_width, out);
}

}  // namespace ui
