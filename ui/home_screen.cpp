// Home: the routes as cards. The three rollout-stage routes side by side on
// wide screens (one column below 720 CSS px), the others smaller below.
#include "layout.hpp"
#include "screens.hpp"
#include "style.hpp"
#include "widgets.hpp"

#include "core/flows/request_flow.hpp"

#include <algorithm>

namespace ui {

static std::vector<TextRun> primary_card_runs(const core::Route& route) {
    const Fonts& f = fonts();
    std::vector<TextRun> runs;
    runs.push_back({f.title, colour::text, route.title, 0, false});
    runs.push_back({f.body, colour::text_secondary, route.subtitle, 4, false});
    runs.push_back({f.small, colour::text_secondary, "USE THIS PATH WHEN", 18, false});
    runs.push_back({f.body, colour::text, route.use_when, 6, false});
    if (!route.include.empty()) {
        runs.push_back({f.small, colour::text_secondary, "WHAT TO INCLUDE", 18, false});
        for (size_t i = 0; i < route.include.size(); ++i)
            runs.push_back({f.body, colour::text, route.include[i], i == 0 ? 6.0f : 4.0f, true});
    }
    return runs;
}

static std::vector<TextRun> secondary_card_runs(const core::Route& route) {
    const Fonts& f = fonts();
    return {{f.body_strong, colour::text, route.title, 0, false},
            {f.body, colour::text_secondary, route.use_when, 6, false}};
}

// Lays out `routes` as a grid of equally tall cards; returns the clicked one.
static const core::Route* card_grid(const std::vector<const core::Route*>& routes, Column column, int columns,
                                    std::vector<TextRun> (*runs_of)(const core::Route&), bool call_to_action) {
    const Fonts& f = fonts();
    const float gap = px(16);
    const float padding = px(call_to_action ? 22 : 18);
    const float card_width = (column.width - gap * (columns - 1)) / columns;
    const float text_width = card_width - 2 * padding;
    const float action_height = call_to_action ? px(20) + f.body_strong->FontSize : 0;
    const core::Route* clicked = nullptr;

    for (size_t row = 0; row * columns < routes.size(); ++row) {
        const size_t first = row * columns;
        const size_t last = std::min(routes.size(), first + columns);
        float height = 0;
        for (size_t i = first; i < last; ++i) height = std::max(height, measure_runs(runs_of(*routes[i]), text_width));
        height += 2 * padding + action_height;

        for (size_t i = first; i < last; ++i) {
            const core::Route& route = *routes[i];
            if (i > first) ImGui::SameLine(0, gap);
            const ImVec2 min = ImGui::GetCursorScreenPos();
            bool hovered = false;
            const std::string id = "##route-" + route.id;
            if (card_button(id.c_str(), route.title, ImVec2(card_width, height), &hovered)) clicked = &route;
            ImDrawList* dl = ImGui::GetWindowDrawList();
            draw_runs(dl, ImVec2(min.x + padding, min.y + padding), runs_of(route), text_width);
            if (call_to_action) {
                const char* start = "Start a request \xE2\x86\x92";  // →
                dl->AddText(f.body_strong, f.body_strong->FontSize,
                            ImVec2(min.x + padding, min.y + height - padding - f.body_strong->FontSize),
                            hovered ? colour::accent : colour::accent_text, start);
            }
        }
        ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y));
    }
    return clicked;
}

void draw_home_screen(const core::State& state, Column column, Actions& out) {
    const Fonts& f = fonts();
    heading("How can we help?");
    paragraph(f.body, colour::text_secondary,
              "Choose the path that matches where you are. Each one asks for exactly the details support "
              "needs to start working on your request.");
    ImGui::Dummy(ImVec2(0, px(16)));

    // A tenant without a plan sees only the routes open to it (security
    // reports), and in words where the rest of its help comes from.
    const std::string plan_id = core::current_plan(state);
    const core::Plan* plan = plan_id.empty() ? nullptr : state.program.find_plan(plan_id);
    std::vector<const core::Route*> primary, secondary;
    bool hidden = false;
    for (const core::Route& route : state.program.routes) {
        if (plan && !state.program.route_open_to(route, plan->id)) {
            hidden = true;
            continue;
        }
        (route.primary ? primary : secondary).push_back(&route);
    }
    if (hidden) {
        callout({{f.body_strong, colour::text, plan->name + ": tickets need a support plan", 0, false},
                 {f.body, colour::text, plan->description, 6, false}},
                colour::accent_soft, colour::accent_border, column.width);
        ImGui::Dummy(ImVec2(0, px(16)));
    }

    const bool wide = !narrow_layout();   // the same breakpoint as the header and tables
    const core::Route* chosen = primary.empty() ? nullptr : card_grid(primary, column, wide ? 3 : 1, primary_card_runs, true);

    if (!secondary.empty()) {
        if (!primary.empty()) {
            ImGui::Dummy(ImVec2(0, px(12)));
            ImGui::PushFont(f.title);
            ImGui::TextUnformatted("Something else?");
            ImGui::PopFont();
            ImGui::Dummy(ImVec2(0, px(4)));
        }
        if (const core::Route* other = card_grid(secondary, column, wide ? 2 : 1, secondary_card_runs, false))
            chosen = other;
    }
    if (chosen) out.push_back(core::OpenRoute{chosen->id});

    // Tools that work before any ticket, signed in or not, offline too.
    ImGui::Dummy(ImVec2(0, px(16)));
    if (link_button("##har", "Analyse a HAR file or decode a token \xE2\x86\x92", "Analyse a HAR file or decode a token", f.body_strong))
        out.push_back(core::OpenHar{});
}

}  // namespace ui
