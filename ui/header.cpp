// The bar at the top of every screen: product name (home link) and who is
// signed in. Sign-in itself arrives with accounts; until then it says so.
#include "screens.hpp"
#include "style.hpp"
#include "widgets.hpp"

#include <algorithm>
#include <cfloat>

namespace ui {

void draw_header(const core::State& state, Actions& out) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    dl->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), colour::surface);
    dl->AddLine(ImVec2(min.x, min.y + size.y - px(1)), ImVec2(min.x + size.x, min.y + size.y - px(1)), colour::border,
                px(1));

    const float margin = std::max(px(24), (size.x - px(1100)) * 0.5f);
    const Fonts& f = fonts();

    // Product mark and name; clicking them goes home like on any web site.
    const std::string& name = state.program.product_name;
    const float mark = px(28);
    ImGui::SetCursorScreenPos(ImVec2(min.x + margin, min.y + (size.y - mark) * 0.5f));
    const ImVec2 name_size = f.title->CalcTextSizeA(f.title->FontSize, FLT_MAX, 0, name.c_str());
    const ImVec2 home_min = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("##home", ImVec2(mark + px(10) + name_size.x, mark))) out.push_back(core::GoHome{});
    expose_label(name);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    dl->AddRectFilled(home_min, ImVec2(home_min.x + mark, home_min.y + mark), colour::accent, px(7));
    const char* initial = "S";
    const ImVec2 initial_size = f.title->CalcTextSizeA(f.title->FontSize, FLT_MAX, 0, initial);
    dl->AddText(f.title, f.title->FontSize,
                ImVec2(home_min.x + (mark - initial_size.x) * 0.5f, home_min.y + (mark - initial_size.y) * 0.5f),
                IM_COL32_WHITE, initial);
    dl->AddText(f.title, f.title->FontSize, ImVec2(home_min.x + mark + px(10), home_min.y + (mark - name_size.y) * 0.5f),
                colour::text, name.c_str());

    // Navigation: where a person goes from anywhere.
    struct NavLink {
        const char* id;
        const char* text;
        bool active;
        core::Action action;
    };
    const bool on_tickets = std::holds_alternative<core::TicketsScreen>(state.screen);
    const NavLink links[] = {
        {"##nav-help", "Get help", !on_tickets, core::GoHome{}},
        {"##nav-tickets", "Tickets", on_tickets, core::OpenTickets{}},
    };
    float x = home_min.x + mark + px(10) + name_size.x + px(40);
    for (const NavLink& link : links) {
        const ImVec2 text_size = f.body->CalcTextSizeA(f.body->FontSize, FLT_MAX, 0, link.text);
        ImGui::SetCursorScreenPos(ImVec2(x - px(8), min.y));
        if (ImGui::InvisibleButton(link.id, ImVec2(text_size.x + px(16), size.y))) out.push_back(link.action);
        expose_label(link.text);
        const bool hovered = ImGui::IsItemHovered();
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImFont* font = link.active ? f.body_strong : f.body;
        dl->AddText(font, font->FontSize, ImVec2(x, min.y + (size.y - text_size.y) * 0.5f),
                    link.active || hovered ? colour::text : colour::text_secondary, link.text);
        if (link.active)
            dl->AddRectFilled(ImVec2(x - px(2), min.y + size.y - px(3)), ImVec2(x + text_size.x + px(2), min.y + size.y),
                              colour::accent, px(1));
        x += text_size.x + px(28);
    }

    // Signed-in placeholder on the right.
    const char* who = "Not signed in";
    const ImVec2 who_size = f.body->CalcTextSizeA(f.body->FontSize, FLT_MAX, 0, who);
    const float avatar = px(30);
    const float right = min.x + size.x - margin;
    const ImVec2 avatar_min(right - avatar, min.y + (size.y - avatar) * 0.5f);
    dl->AddCircleFilled(ImVec2(avatar_min.x + avatar * 0.5f, avatar_min.y + avatar * 0.5f), avatar * 0.5f,
                        IM_COL32(226, 232, 240, 255));
    dl->AddCircleFilled(ImVec2(avatar_min.x + avatar * 0.5f, avatar_min.y + avatar * 0.38f), avatar * 0.17f,
                        colour::text_secondary);
    dl->PathArcTo(ImVec2(avatar_min.x + avatar * 0.5f, avatar_min.y + avatar * 0.92f), avatar * 0.3f, 3.14159f,
                  2 * 3.14159f);
    dl->PathFillConvex(colour::text_secondary);
    dl->AddText(f.body, f.body->FontSize, ImVec2(avatar_min.x - px(10) - who_size.x, min.y + (size.y - who_size.y) * 0.5f),
                colour::text_secondary, who);
}

}  // namespace ui
