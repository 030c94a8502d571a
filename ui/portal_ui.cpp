#include "portal_ui.hpp"

#include "layout.hpp"
#include "redraw_clock.hpp"
#include "screens.hpp"
#include "style.hpp"
#include "widgets.hpp"

#include <algorithm>
#include <string>

namespace ui {

static constexpr float header_height = 64;     // CSS px
static constexpr float max_column_width = 1100;
static constexpr float page_margin = 24;
static constexpr float narrow_page_margin = 16;   // phones need every pixel

std::vector<core::Action> draw(const core::State& state) {
    redraw_clock_begin_frame();
    Actions out;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    const ImGuiWindowFlags page_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar |
                                        ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("##page", nullptr, page_flags);
    // Fields and buttons as tall as a fingertip on phones.
    const bool narrow = narrow_layout();
    if (narrow)
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                            ImVec2(ImGui::GetStyle().FramePadding.x, (px(tap_target) - ImGui::GetFontSize()) * 0.5f));

    ImGui::BeginChild("##header", ImVec2(0, px(header_height)), false, ImGuiWindowFlags_NoScrollbar);
    begin_group(Role::Banner, "Header");
    draw_header(state, out);
    end_group();
    ImGui::EndChild();

    ImGui::SetCursorPosY(px(header_height));
    // Every screen shares this child, so a screen opened from a scrolled one
    // would start part way down: a new location starts at its top.
    static std::string shown_location;
    std::string location = core::location_of(state.screen);
    if (location != shown_location) {
        ImGui::SetNextWindowScroll(ImVec2(0, 0));
        shown_location = std::move(location);
    }
    ImGui::BeginChild("##content", ImVec2(0, 0), false);
    const float available = ImGui::GetContentRegionAvail().x;
    const float margin = px(narrow ? narrow_page_margin : page_margin);
    Column column;
    column.width = std::min(px(max_column_width), available - 2 * margin);
    column.x = std::max(margin, (available - column.width) * 0.5f);
    ImGui::Indent(column.x);
    ImGui::PushTextWrapPos(column.x + column.width);
    ImGui::Dummy(ImVec2(0, px(24)));

    begin_group(Role::Main, "Content");
    draw_update_banner(state, column, out);
    draw_notice(state, column, out);
    std::visit(
        [&](const auto& screen) {
            using S = std::decay_t<decltype(screen)>;
            if constexpr (std::is_same_v<S, core::HomeScreen>) draw_home_screen(state, column, out);
            else if constexpr (std::is_same_v<S, core::RouteScreen>) draw_route_screen(state, screen, column, out);
            else if constexpr (std::is_same_v<S, core::TicketsScreen>) draw_tickets_screen(state, column, out);
            else if constexpr (std::is_same_v<S, core::TicketScreen>) draw_ticket_screen(state, screen, column, out);
            else if constexpr (std::is_same_v<S, core::SignInScreen>) draw_sign_in_screen(state, column, out);
            else if constexpr (std::is_same_v<S, core::UsersScreen>) draw_users_screen(state, column, out);
            else if constexpr (std::is_same_v<S, core::InvitationScreen>) draw_invitation_screen(state, column, out);
            else if constexpr (std::is_same_v<S, core::ForgotPasswordScreen>) draw_forgot_password_screen(state, column, out);
            else if constexpr (std::is_same_v<S, core::PasswordResetScreen>) draw_password_reset_screen(state, column, out);
            else if constexpr (std::is_same_v<S, core::DraftsScreen>) draw_drafts_screen(state, column, out);
            else if constexpr (std::is_same_v<S, core::AccountScreen>) draw_account_screen(state, column, out);
            else if constexpr (std::is_same_v<S, core::HarScreen>) draw_har_screen(state, column, out);
            else draw_not_found_screen(screen, column, out);
        },
        state.screen);
    end_group();
    draw_sign_out_dialog(state, out);

    ImGui::Dummy(ImVec2(0, px(48)));
    ImGui::PopTextWrapPos();
    ImGui::Unindent(column.x);
    ImGui::EndChild();
    if (narrow) ImGui::PopStyleVar();
    ImGui::End();
    return out;
}

}  // namespace ui
