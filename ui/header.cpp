// The bar at the top of every screen: product name (home link) and who is
// signed in. Sign-in itself arrives with accounts; until then it says so.
#include "layout.hpp"
#include "screens.hpp"
#include "style.hpp"
#include "widgets.hpp"

#include "core/model/draft_list.hpp"

#include <algorithm>
#include <vector>
#include <cfloat>

namespace ui {

// Whether the portal can talk to the service: a dot and a word (never colour
// alone), and how many requests wait.
struct Connectivity {
    std::string label;
    ImU32 dot, text, fill, edge;
};

static Connectivity connectivity_of(const core::State& state) {
    Connectivity c{"Online", colour::success_text, colour::success_text, colour::success_soft, colour::success_border};
    if (!state.online)
        c = {"Offline", colour::text_secondary, colour::text, colour::neutral_soft, colour::border_strong};
    else if (!state.service_reachable)
        c = {"Service unreachable", colour::warning_border, colour::warning_text, colour::warning_soft,
             colour::warning_border};
    if (!state.outbox.empty()) c.label += " \xC2\xB7 " + std::to_string(state.outbox.size()) + " queued";
    return c;
}

static float connectivity_width(const Connectivity& c) {
    const Fonts& f = fonts();
    const ImVec2 text_size = f.small->CalcTextSizeA(f.small->FontSize, FLT_MAX, 0, c.label.c_str());
    return px(10) + px(8) + px(6) + text_size.x + px(10);
}

// The connectivity pill ending at `right`.
static void draw_connectivity(const Connectivity& c, float right, float centre_y) {
    const Fonts& f = fonts();
    const ImVec2 text_size = f.small->CalcTextSizeA(f.small->FontSize, FLT_MAX, 0, c.label.c_str());
    const float dot_size = px(8), pad = px(10), height = text_size.y + px(10);
    const float width = connectivity_width(c);
    const ImVec2 min(right - width, centre_y - height * 0.5f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, ImVec2(right, min.y + height), c.fill, height * 0.5f);
    dl->AddRect(min, ImVec2(right, min.y + height), c.edge, height * 0.5f);
    dl->AddCircleFilled(ImVec2(min.x + pad + dot_size * 0.5f, centre_y), dot_size * 0.5f, c.dot);
    dl->AddText(f.small, f.small->FontSize, ImVec2(min.x + pad + dot_size + px(6), centre_y - text_size.y * 0.5f), c.text,
                c.label.c_str());
    // An item for the test hook and the accessibility mirror, without input.
    ImGui::SetCursorScreenPos(min);
    ImGui::Dummy(ImVec2(width, height));
    expose_label("Connection: " + c.label);
    describe(Role::Status);   // going offline and back is announced
}

// Navigation: where a person goes from anywhere.
struct NavLink {
    const char* id;
    const char* text;
    bool active;
    core::Action action;
    int count = 0;          // shown in a pill after the text when above 0
};

static std::vector<NavLink> nav_links(const core::State& state) {
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
    if (state.account)
        links.push_back({"##nav-account", "Account", std::holds_alternative<core::AccountScreen>(state.screen), core::OpenAccount{}});
    return links;
}

static std::string nav_label(const NavLink& link) {
    return link.count > 0 ? std::string(link.text) + " (" + std::to_string(link.count) + ")" : std::string(link.text);
}

// The pill after a link's text that counts its things, or 0 without one.
static float count_pill_width(const NavLink& link) {
    if (link.count <= 0) return 0;
    const Fonts& f = fonts();
    const std::string count = std::to_string(link.count);
    return std::max(f.small->CalcTextSizeA(f.small->FontSize, FLT_MAX, 0, count.c_str()).x + px(12), px(20));
}

// Product mark, and its name when `with_name`, at `at` in a clickable box
// `height` tall; clicking goes home like on any web site. Returns its width.
static float draw_home_link(const core::State& state, ImVec2 at, float height, bool with_name, Actions& out) {
    const Fonts& f = fonts();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::string& name = state.program.product_name;
    const float mark = px(28);
    const ImVec2 name_size = f.title->CalcTextSizeA(f.title->FontSize, FLT_MAX, 0, name.c_str());
    const float width = with_name ? mark + px(10) + name_size.x : std::max(mark, height);
    ImGui::SetCursorScreenPos(at);
    if (ImGui::InvisibleButton("##home", ImVec2(width, height))) out.push_back(core::GoHome{});
    expose_label(name);
    describe(Role::Link);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const ImVec2 mark_min(at.x, at.y + (height - mark) * 0.5f);
    dl->AddRectFilled(mark_min, ImVec2(mark_min.x + mark, mark_min.y + mark), colour::accent, px(7));
    const char* initial = "S";
    const ImVec2 initial_size = f.title->CalcTextSizeA(f.title->FontSize, FLT_MAX, 0, initial);
    dl->AddText(f.title, f.title->FontSize,
                ImVec2(mark_min.x + (mark - initial_size.x) * 0.5f, mark_min.y + (mark - initial_size.y) * 0.5f),
                colour::on_accent, initial);
    if (with_name)
        dl->AddText(f.title, f.title->FontSize, ImVec2(mark_min.x + mark + px(10), mark_min.y + (mark - name_size.y) * 0.5f),
                    colour::text, name.c_str());
    return width;
}

// The signed-in person's name, or their address when they gave none.
static std::string shown_name(const core::Account& account) {
    return account.name.empty() ? account.email : account.name;
}

// Who is signed in, with the tenant unless the switcher shows it.
static std::string who_text(const core::State& state) {
    const core::Account& a = *state.account;
    const core::Membership* here = a.membership(state.current_tenant);
    if (a.memberships.size() > 1 || !here || here->tenant_name.empty()) return shown_name(a);
    return shown_name(a) + " \xC2\xB7 " + here->tenant_name;
}

static bool offers_sign_in(const core::State& state) {
    return state.session == core::SessionStatus::SignedOut && !std::holds_alternative<core::SignInScreen>(state.screen);
}

// The tenant switcher, for users who work in several.
static void tenant_combo(const core::State& state, float width, Actions& out) {
    const core::Account& a = *state.account;
    const core::Membership* here = a.membership(state.current_tenant);
    ImGui::SetNextItemWidth(width);
    const ImGuiID id = ImGui::GetID("##tenant");
    const bool open = ImGui::BeginCombo("##tenant", here ? here->tenant_name.c_str() : "");
    expose_label(id, "Service");
    ItemState& combo = describe(Role::ComboBox);
    combo.value = here ? here->tenant_name : "";
    combo.expanded = open;
    if (!open) return;
    begin_group(Role::ListBox, "Service");
    for (const core::Membership& m : a.memberships) {
        const bool here_now = m.tenant == state.current_tenant;
        if (ImGui::Selectable((m.tenant_name + "##" + m.tenant).c_str(), here_now, 0, option_size())) out.push_back(core::ChooseTenant{m.tenant});
        describe(Role::Option).selected = here_now;
    }
    end_group();
    ImGui::EndCombo();
}

// The panel the narrow header's menu button opens, full width below the bar:
// navigation, who is signed in and the way out (or in), and the connection
// when the bar had no room for it.
static void draw_menu_panel(const core::State& state, ImVec2 at, float width, const Connectivity* connection,
                            Actions& out) {
    const Fonts& f = fonts();
    ImGui::SetNextWindowPos(at);
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(16), px(12)));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupRounding, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0.5f));
    const bool open = ImGui::BeginPopup("##menu-panel");
    ImGui::PopStyleVar(3);
    if (!open) return;
    begin_group(Role::Navigation, "Main");
    for (const NavLink& link : nav_links(state)) {
        ImGui::PushID(link.id);
        ImGui::PushFont(link.active ? f.body_strong : f.body);
        const std::string label = nav_label(link);
        if (ImGui::Selectable(label.c_str(), link.active, 0, ImVec2(0, px(tap_target)))) {
            out.push_back(link.action);
            ImGui::CloseCurrentPopup();
        }
        describe(Role::Link).selected = link.active;
        ImGui::PopFont();
        ImGui::PopID();
    }
    end_group();
    ImGui::Separator();
    if (state.account) {
        const core::Account& a = *state.account;
        paragraph(f.small, colour::text_secondary, "Signed in as");
        paragraph(f.body, colour::text, shown_name(a));
        expose_label("Signed in as " + shown_name(a));
        if (a.memberships.size() > 1) tenant_combo(state, ImGui::GetContentRegionAvail().x, out);
        else if (const core::Membership* here = a.membership(state.current_tenant)) paragraph(f.body, colour::text_secondary, here->tenant_name);
        if (button("Sign out", false)) {
            out.push_back(core::SignOut{});
            ImGui::CloseCurrentPopup();
        }
    } else if (offers_sign_in(state)) {
        if (button("Sign in", true)) {
            out.push_back(core::OpenSignIn{});
            ImGui::CloseCurrentPopup();
        }
    }
    if (connection) {
        const ImVec2 pill = ImGui::GetCursorScreenPos();
        draw_connectivity(*connection, pill.x + connectivity_width(*connection), pill.y + px(12));
    }
    ImGui::EndPopup();
}

// Below 720 CSS px: the product mark (with its name when there is room), the
// connection pill and a menu button that opens everything else.
static void draw_narrow_header(const core::State& state, ImVec2 min, ImVec2 size, Actions& out) {
    const Fonts& f = fonts();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float margin = px(16), target = px(tap_target), gap = px(12);
    const float top = min.y + (size.y - target) * 0.5f;

    const ImVec2 menu_min(min.x + size.x - margin - target, top);
    ImGui::SetCursorScreenPos(menu_min);
    if (ImGui::InvisibleButton("##menu", ImVec2(target, target))) ImGui::OpenPopup("##menu-panel");
    expose_label("Menu");
    describe(Role::Button).expanded = ImGui::IsPopupOpen("##menu-panel");
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    dl->AddRect(menu_min, ImVec2(menu_min.x + target, menu_min.y + target), hovered ? colour::accent : colour::border_strong,
                px(8));
    for (int line = -1; line <= 1; ++line) {   // three bars, the sign for a menu
        const float y = menu_min.y + target * 0.5f + line * px(6);
        dl->AddLine(ImVec2(menu_min.x + px(13), y), ImVec2(menu_min.x + target - px(13), y), colour::text, px(2));
    }

    const Connectivity connection = connectivity_of(state);
    const float pill_width = connectivity_width(connection);
    const float mark_only = target;
    const std::string& name = state.program.product_name;
    const float with_name = px(28) + px(10) + f.title->CalcTextSizeA(f.title->FontSize, FLT_MAX, 0, name.c_str()).x;
    const float room = menu_min.x - px(8) - (min.x + margin);
    const bool pill_in_bar = mark_only + gap + pill_width <= room;
    const float room_for_home = pill_in_bar ? room - gap - pill_width : room;
    draw_home_link(state, ImVec2(min.x + margin, top), target, with_name <= room_for_home, out);
    if (pill_in_bar) draw_connectivity(connection, menu_min.x - px(8), min.y + size.y * 0.5f);

    draw_menu_panel(state, ImVec2(min.x, min.y + size.y), size.x, pill_in_bar ? nullptr : &connection, out);
}

// The width the full bar needs: where it has less, even above 720 CSS px (a
// long name, a tenant switcher), the bar collapses into the menu.
static float full_bar_width(const core::State& state) {
    const Fonts& f = fonts();
    auto text_width = [](ImFont* font, const std::string& text) {
        return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x;
    };
    float width = 2 * px(24) + px(28) + px(10) + text_width(f.title, state.program.product_name) + px(40);
    for (const NavLink& link : nav_links(state)) {
        const float pill = count_pill_width(link);
        width += text_width(f.body_strong, link.text) + (pill > 0 ? px(6) + pill : 0) + px(28);
    }
    width += px(30) + px(12);   // the avatar
    if (state.account) {
        width += text_width(f.body, "Sign out") + px(20) + text_width(f.body, who_text(state));
        if (state.account->memberships.size() > 1) width += px(200) + px(12);
    } else if (offers_sign_in(state)) {
        width += text_width(f.body, "Sign in") + px(20);
    }
    return width + px(14) + connectivity_width(connectivity_of(state)) + px(24);   // a gap before the right side
}

void draw_header(const core::State& state, Actions& out) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    dl->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), colour::surface);
    dl->AddLine(ImVec2(min.x, min.y + size.y - px(1)), ImVec2(min.x + size.x, min.y + size.y - px(1)), colour::border,
                px(1));
    if (narrow_layout() || size.x < full_bar_width(state)) {
        draw_narrow_header(state, min, size, out);
        return;
    }

    const float margin = std::max(px(24), (size.x - px(1100)) * 0.5f);
    const Fonts& f = fonts();
    const float mark = px(28);
    const ImVec2 home_min(min.x + margin, min.y + (size.y - mark) * 0.5f);
    const float home_width = draw_home_link(state, home_min, mark, true, out);

    std::vector<NavLink> links = nav_links(state);
    float x = home_min.x + home_width + px(40);
    begin_group(Role::Navigation, "Main");
    for (const NavLink& link : links) {
        const ImVec2 text_size = f.body->CalcTextSizeA(f.body->FontSize, FLT_MAX, 0, link.text);
        const std::string count = link.count > 0 ? std::to_string(link.count) : std::string();
        const ImVec2 count_size = f.small->CalcTextSizeA(f.small->FontSize, FLT_MAX, 0, count.c_str());
        const float pill_width = count_pill_width(link);
        const float pill_space = count.empty() ? 0 : px(6) + pill_width;
        ImGui::SetCursorScreenPos(ImVec2(x - px(8), min.y));
        if (ImGui::InvisibleButton(link.id, ImVec2(text_size.x + pill_space + px(16), size.y))) out.push_back(link.action);
        expose_label(nav_label(link));
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
        const std::string shown = shown_name(a);
        const std::string initial = shown.substr(0, 1);
        const ImVec2 initial_size = f.body_strong->CalcTextSizeA(f.body_strong->FontSize, FLT_MAX, 0, initial.c_str());
        dl->AddText(f.body_strong, f.body_strong->FontSize,
                    ImVec2(centre.x - initial_size.x * 0.5f, centre.y - initial_size.y * 0.5f), colour::accent, initial.c_str());
        right_link("##sign-out", "Sign out", core::SignOut{});
        // The tenant: a switcher when the user works in several.
        if (a.memberships.size() > 1) {
            const float width = px(200);
            cursor_x -= width;
            ImGui::SetCursorScreenPos(ImVec2(cursor_x, min.y + (size.y - ImGui::GetFrameHeight()) * 0.5f));
            tenant_combo(state, width, out);
            cursor_x -= px(12);
        }
        const std::string who = who_text(state);
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
        if (offers_sign_in(state))
            right_link("##sign-in", "Sign in", core::OpenSignIn{});
        else
            cursor_x -= px(8);
    }
    draw_connectivity(connectivity_of(state), cursor_x - px(14), min.y + size.y * 0.5f);
}

}  // namespace ui
