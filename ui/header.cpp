// The bar at the top of every screen: product name (home link) and who is
// signed in. Sign-in itself arrives with accounts; until then it says so.
#include "screens.hpp"
#include "style.hpp"
#include "widgets.hpp"

#include "core/draft_list.hpp"

#include <algorithm>
#include <vector>
#include <cfloat>

namespace ui {

// Whether the portal can talk to the service, as a pill ending at `right`:
// a dot and a word (never colour alone), and how many requests wait.
static void draw_connectivity(const core::State& state, float right, float centre_y) {
    const Fonts& f = fonts();
    const char* word = "Online";
    ImU32 dot = colour::success_text, text = colour::success_text, fill = colour::success_soft,
          edge = colour::success_border;
    if (!state.online) {
        word = "Offline";
        dot = colour::text_secondary;
        text = colour::text;
        fill = colour::neutral_soft;
        edge = colour::border_strong;
    } else if (!state.service_reachable) {
        word = "Service unreachable";
        dot = colour::warning_border;
        text = colour::warning_text;
        fill = colour::warning_soft;
        edge = colour::warning_border;
    }
    std::string label = word;
    if (!state.outbox.empty()) label += " \xC2\xB7 " + std::to_string(state.outbox.size()) + " queued";
    const ImVec2 text_size = f.small->CalcTextSizeA(f.small->FontSize, FLT_MAX, 0, label.c_str());
    const float dot_size = px(8), pad = px(10), height = text_size.y + px(10);
    const float width = pad + dot_size + px(6) + text_size.x + pad;
    const ImVec2 min(right - width, centre_y - height * 0.5f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, ImVec2(right, min.y + height), fill, height * 0.5f);
    dl->AddRect(min, ImVec2(right, min.y + height), edge, height * 0.5f);
    dl->AddCircleFilled(ImVec2(min.x + pad + dot_size * 0.5f, centre_y), dot_size * 0.5f, dot);
    dl->AddText(f.small, f.small->FontSize, ImVec2(min.x + pad + dot_size + px(6), centre_y - text_size.y * 0.5f), text,
                label.c_str());
    // An item for the test hook and the accessibility mirror, without input.
    ImGui::SetCursorScreenPos(min);
    ImGui::Dummy(ImVec2(width, height));
    expose_label("Connection: " + label);
    describe(Role::Status);   // going offline and back is announced
}

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
    describe(Role::Link);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    dl->AddRectFilled(home_min, ImVec2(home_min.x + mark, home_min.y + mark), colour::accent, px(7));
    const char* initial = "S";
    const ImVec2 initial_size = f.title->CalcTextSizeA(f.title->FontSize, FLT_MAX, 0, initial);
    dl->AddText(f.title, f.title->FontSize,
                ImVec2(home_min.x + (mark - initial_size.x) * 0.5f, home_min.y + (mark - initial_size.y) * 0.5f),
                colour::on_accent, initial);
    dl->AddText(f.title, f.title->FontSize, ImVec2(home_min.x + mark + px(10), home_min.y + (mark - name_size.y) * 0.5f),
                colour::text, name.c_str());

    // Navigation: where a person goes from anywhere.
    struct NavLink {
        const char* id;
        const char* text;
        bool active;
        core::Action action;
        int count = 0;          // shown in a pill after the text when above 0
    };
    const bool on_tickets = std::holds_alternative<core::TicketsScreen>(state.screen) ||
                            std::holds_alternative<core::TicketScreen>(state.screen);
    const bool on_users = std::holds_alternative<core::UsersScreen>(state.screen);
    std::vector<NavLink> links = {
        {"##nav-help", "Get help",
         std::holds_alternative<core::HomeScreen>(state.screen) || std::holds_alternative<core::RouteScreen>(state.screen),
         core::GoHome{}},
        {"##nav-tickets", "Tickets", on_tickets, core::OpenTickets{}},
        {"##nav-drafts", "Drafts", std::holds_alternative<core::DraftsScreen>(state.screen), core::OpenDrafts{},
         static_cast<int>(core::list_drafts(state).size())},
    };
    // Support-only users never see user management.
    if (state.account && state.account->is_admin_of(state.current_tenant))
        links.push_back({"##nav-users", "Users", on_users, core::OpenUsers{}});
    float x = home_min.x + mark + px(10) + name_size.x + px(40);
    begin_group(Role::Navigation, "Main");
    for (const NavLink& link : links) {
        const ImVec2 text_size = f.body->CalcTextSizeA(f.body->FontSize, FLT_MAX, 0, link.text);
        const std::string count = link.count > 0 ? std::to_string(link.count) : std::string();
        const ImVec2 count_size = f.small->CalcTextSizeA(f.small->FontSize, FLT_MAX, 0, count.c_str());
        const float pill_width = count.empty() ? 0 : std::max(count_size.x + px(12), px(20));
        const float pill_space = count.empty() ? 0 : px(6) + pill_width;
        ImGui::SetCursorScreenPos(ImVec2(x - px(8), min.y));
        if (ImGui::InvisibleButton(link.id, ImVec2(text_size.x + pill_space + px(16), size.y))) out.push_back(link.action);
        expose_label(count.empty() ? std::string(link.text) : std::string(link.text) + " (" + count + ")");
        describe(Role::Link).selected = link.active;
        const bool hovered = ImGui::IsItemHovered();
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImFont* font = link.active ? f.body_strong : f.body;
        dl->AddText(font, font->FontSize, ImVec2(x, min.y + (size.y - text_size.y) * 0.5f),
                    link.active || hovered ? colour::text : colour::text_secondary, link.text);
        if (!count.empty()) {
            const ImVec2 pill_min(x + text_size.x + px(6), min.y + (size.y - px(20)) * 0.5f);
            dl->AddRectFilled(pill_min, ImVec2(pill_min.x + pill_width, pill_min.y + px(20)), colour::accent_soft, px(10));
            dl->AddText(f.small, f.small->FontSize,
                        ImVec2(pill_min.x + (pill_width - count_size.x) * 0.5f, pill_min.y + (px(20) - count_size.y) * 0.5f),
                        colour::accent, count.c_str());
        }
        if (link.active)
            dl->AddRectFilled(ImVec2(x - px(2), min.y + size.y - px(3)),
                              ImVec2(x + text_size.x + pill_space + px(2), min.y + size.y), colour::accent, px(1));
        x += text_size.x + pill_space + px(28);
    }
    end_group();

    // Who is signed in, in which tenant, and the way out; or the way in.
    const float right = min.x + size.x - margin;
    const float avatar = px(30);
    const ImVec2 avatar_min(right - avatar, min.y + (size.y - avatar) * 0.5f);
    const ImVec2 centre(avatar_min.x + avatar * 0.5f, avatar_min.y + avatar * 0.5f);
    dl->AddCircleFilled(centre, avatar * 0.5f, state.account ? colour::accent_soft : colour::avatar_empty);
    float cursor_x = avatar_min.x - px(12);
    auto right_link = [&](const char* id, const char* text, core::Action action) {
        const ImVec2 text_size = f.body->CalcTextSizeA(f.body->FontSize, FLT_MAX, 0, text);
        cursor_x -= text_size.x;
        ImGui::SetCursorScreenPos(ImVec2(cursor_x, min.y + (size.y - text_size.y) * 0.5f));
        if (link_button(id, text, text, f.body)) out.push_back(std::move(action));
        cursor_x -= px(20);
    };
    if (state.account) {
        const core::Account& a = *state.account;
        const std::string shown = a.name.empty() ? a.email : a.name;
        const std::string initial = shown.substr(0, 1);
        const ImVec2 initial_size = f.body_strong->CalcTextSizeA(f.body_strong->FontSize, FLT_MAX, 0, initial.c_str());
        dl->AddText(f.body_strong, f.body_strong->FontSize,
                    ImVec2(centre.x - initial_size.x * 0.5f, centre.y - initial_size.y * 0.5f), colour::accent, initial.c_str());
        right_link("##sign-out", "Sign out", core::SignOut{});
        // The tenant: a switcher when the user works in several.
        const core::Membership* here = a.membership(state.current_tenant);
        const std::string tenant = here ? here->tenant_name : std::string();
        if (a.memberships.size() > 1) {
            const float width = px(200);
            cursor_x -= width;
            ImGui::SetCursorScreenPos(ImVec2(cursor_x, min.y + (size.y - ImGui::GetFrameHeight()) * 0.5f));
            ImGui::SetNextItemWidth(width);
            const ImGuiID id = ImGui::GetID("##tenant");
            const bool open = ImGui::BeginCombo("##tenant", tenant.c_str());
            expose_label(id, "Service");
            ItemState& combo = describe(Role::ComboBox);
            combo.value = tenant;
            combo.expanded = open;
            if (open) {
                begin_group(Role::ListBox, "Service");
                for (const core::Membership& m : a.memberships) {
                    const bool here_now = m.tenant == state.current_tenant;
                    if (ImGui::Selectable((m.tenant_name + "##" + m.tenant).c_str(), here_now))
                        out.push_back(core::ChooseTenant{m.tenant});
                    describe(Role::Option).selected = here_now;
                }
                end_group();
                ImGui::EndCombo();
            }
            cursor_x -= px(12);
        }
        const std::string who = a.memberships.size() > 1 || tenant.empty() ? shown : shown + " \xC2\xB7 " + tenant;
        const ImVec2 who_size = f.body->CalcTextSizeA(f.body->FontSize, FLT_MAX, 0, who.c_str());
        cursor_x -= who_size.x;
        const ImVec2 who_min(cursor_x, min.y + (size.y - who_size.y) * 0.5f);
        dl->AddText(f.body, f.body->FontSize, who_min, colour::text, who.c_str());
        ImGui::SetCursorScreenPos(who_min);
        ImGui::Dummy(who_size);
        expose_label("Signed in as " + who);
    } else {
        dl->AddCircleFilled(ImVec2(centre.x, avatar_min.y + avatar * 0.38f), avatar * 0.17f, colour::text_secondary);
        dl->PathArcTo(ImVec2(centre.x, avatar_min.y + avatar * 0.92f), avatar * 0.3f, 3.14159f, 2 * 3.14159f);
        dl->PathFillConvex(colour::text_secondary);
        if (state.session == core::SessionStatus::SignedOut && !std::holds_alternative<core::SignInScreen>(state.screen))
            right_link("##sign-in", "Sign in", core::OpenSignIn{});
        else
            cursor_x -= px(8);
    }
    draw_connectivity(state, cursor_x - px(14), min.y + size.y * 0.5f);
}

}  // namespace ui
