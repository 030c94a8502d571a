// The parts of the page, one file each. All draw into the current ImGui window
// and append Actions to `out`.
#pragma once

#include "core/app.hpp"

#include <vector>

namespace ui {

// The readable content column of the page, in device pixels relative to the
// scrolling content window.
struct Column {
    float x = 0;
    float width = 0;
};

using Actions = std::vector<core::Action>;

void draw_header(const core::State& state, Actions& out);
void draw_update_banner(const core::State& state, Column column, Actions& out);
void draw_notice(const core::State& state, Column column, Actions& out);
void draw_home_screen(const core::State& state, Column column, Actions& out);
void draw_route_screen(const core::State& state, const core::RouteScreen& screen, Column column, Actions& out);
void draw_tickets_screen(const core::State& state, Column column, Actions& out);
void draw_ticket_screen(const core::State& state, const core::TicketScreen& screen, Column column, Actions& out);
void draw_sign_in_screen(const core::State& state, Column column, Actions& out);
void draw_users_screen(const core::State& state, Column column, Actions& out);
void draw_invitation_screen(const core::State& state, Column column, Actions& out);
void draw_forgot_password_screen(const core::State& state, Column column, Actions& out);
void draw_password_reset_screen(const core::State& state, Column column, Actions& out);
void draw_drafts_screen(const core::State& state, Column column, Actions& out);
void draw_account_screen(const core::State& state, Column column, Actions& out);
void draw_har_screen(const core::State& state, Column column, Actions& out);
void draw_sign_out_dialog(const core::State& state, Actions& out);
void draw_not_found_screen(const core::NotFoundScreen& screen, Column column, Actions& out);

// A list shown from before because the service cannot be reached: its age and why.
void stale_callout(const core::State& state, core::Instant as_of, const char* what, float width);

}  // namespace ui
