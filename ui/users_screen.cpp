// Support-only users of the current tenant, for its admins: search as you
// type, status filter, sorting, details, invite and revoke (each confirmed in
// words that name the user), and the audit log of these actions.
#include "layout.hpp"
#include "redraw_clock.hpp"
#include "screens.hpp"
#include "style.hpp"
#include "widgets.hpp"

#include "core/text/time_text.hpp"

#include <misc/cpp/imgui_stdlib.h>

#include <cfloat>

namespace ui {

namespace {

std::string readable_time(const core::State& state, const std::string& iso) {
    if (iso.empty()) return "Never";
    const auto t = core::parse_instant(iso);
    if (!t) return iso;
    return weekday_time(state, *t, core::viewer_zone(state));
}

void status_pill(core::MembershipStatus status) {
    const Fonts& f = fonts();
    ImU32 bg = colour::neutral_soft, fg = colour::neutral_text;
    switch (status) {
        case core::MembershipStatus::Active: bg = colour::success_soft, fg = colour::success_text; break;
        case core::MembershipStatus::Invited: bg = colour::accent_soft, fg = colour::accent_text; break;
        case core::MembershipStatus::Revoked: bg = colour::danger_soft, fg = colour::danger_text; break;
    }
    const std::string_view word = core::status_word(status);
    const ImVec2 size = f.small->CalcTextSizeA(f.small->FontSize, FLT_MAX, 0, word.data(), word.data() + word.size());
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x + px(16), min.y + size.y + px(6));
    ImGui::GetWindowDrawList()->AddRectFilled(min, max, bg, (max.y - min.y) * 0.5f);
    ImGui::GetWindowDrawList()->AddText(f.small, f.small->FontSize, ImVec2(min.x + px(8), min.y + px(3)), fg, word.data(),
                                        word.data() + word.size());
    ImGui::Dummy(ImVec2(max.x - min.x, max.y - min.y));
}


void draw_invite_dialog(const core::State& state, Actions& out) {
    const core::InviteDialog& d = state.users.invite;
    if (d.open && !ImGui::IsPopupOpen("Invite a support user")) ImGui::OpenPopup("Invite a support user");
    ImGui::SetNextWindowSize(ImVec2(dialog_width(480), 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(24), px(20)));
    if (!ImGui::BeginPopupModal("Invite a support user", nullptr, dialog_flags)) {
        ImGui::PopStyleVar();
        return;
    }
    if (!d.open) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        ImGui::PopStyleVar();
        return;
    }
    const Fonts& f = fonts();
    dialog_heading("Invite a support user");
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX());
    paragraph(f.small, colour::text_secondary,
              "Support users can open, view and comment on tickets and see service details. They cannot administer "
              "anything. They get an e-mail with a link to set their name and password.");
    ImGui::Dummy(ImVec2(0, px(8)));
    std::string email = d.email;
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere(1);
    if (form_field("##invite-email", "E-mail address", email, field_error(d.field_errors, "email"), "",
                   false, ImGui::GetContentRegionAvail().x, {"off", "email", true}))
        out.push_back(core::EditInvite{email});
    ImGui::Dummy(ImVec2(0, px(8)));
    ImGui::PushFont(f.body_strong);
    ImGui::TextUnformatted("Services they get support for");
    ImGui::PopFont();
    for (const core::Membership& m : state.account->memberships) {
        if (m.role != core::Role::Admin) continue;
        bool checked = d.tenants.count(m.tenant) > 0;
        const std::string label = (m.tenant_name.empty() ? m.tenant : m.tenant_name) + "##tenant-" + m.tenant;
        if (ImGui::Checkbox(label.c_str(), &checked)) out.push_back(core::ToggleInviteTenant{m.tenant});
        describe(Role::Checkbox).checked = checked;
    }
    const std::string tenants_error = field_error(d.field_errors, "tenants");
    if (!tenants_error.empty()) error_text(tenants_error);
    if (!d.error.empty()) error_text(d.error);
    ImGui::Dummy(ImVec2(0, px(8)));
    if (button(d.busy ? "Sending\xE2\x80\xA6" : "Send invitation", true) && !d.busy) out.push_back(core::SubmitInvite{});
    submits_form();
    ImGui::SameLine();
    if (button("Cancel", false)) out.push_back(core::CloseInvite{});
    cancels_dialog();
    ImGui::PopTextWrapPos();
    ImGui::EndPopup();
    ImGui::PopStyleVar();
}

void draw_revoke_confirmation(const core::State& state, Actions& out) {
    const core::UsersView& u = state.users;
    if (!u.confirm_revoke_id.empty() && !ImGui::IsPopupOpen("Revoke support access"))
        ImGui::OpenPopup("Revoke support access");
    ImGui::SetNextWindowSize(ImVec2(dialog_width(460), 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(24), px(20)));
    if (!ImGui::BeginPopupModal("Revoke support access", nullptr, dialog_flags)) {
        ImGui::PopStyleVar();
        return;
    }
    if (u.confirm_revoke_id.empty()) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        ImGui::PopStyleVar();
        return;
    }
    std::string who = u.confirm_revoke_id;
    for (const core::SupportUser& user : u.items)
        if (user.id == u.confirm_revoke_id) who = user.email;
    const std::string tenant = state.account ? (state.account->membership(state.current_tenant)
                                                    ? state.account->membership(state.current_tenant)->tenant_name
                                                    : state.current_tenant)
                                             : state.current_tenant;
    dialog_heading("Revoke support access");
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX());
    paragraph(fonts().body, colour::text,
              "Revoke " + who + "'s support access to " + tenant +
                  "? They are signed out at once and can no longer see or open tickets here. Their tickets stay.");
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, px(8)));
    ImGui::PushStyleColor(ImGuiCol_Button, colour::danger_action);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour::danger_action_hovered);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, colour::danger_action_pressed);
    ImGui::PushStyleColor(ImGuiCol_Text, colour::on_danger);
    ImGui::PushStyleColor(ImGuiCol_Border, colour::danger_action);
    if (ImGui::Button(u.revoke_busy ? "Revoking\xE2\x80\xA6" : "Revoke access") && !u.revoke_busy) out.push_back(core::ConfirmRevoke{});
    ImGui::PopStyleColor(5);
    ImGui::SameLine();
    if (button("Cancel", false)) out.push_back(core::CancelRevoke{});
    cancels_dialog();
    ImGui::EndPopup();
    ImGui::PopStyleVar();
}

void draw_details(const core::State& state, Column column, Actions& out) {
    const core::UsersView& u = state.users;
    if (u.selected_id.empty()) return;
    const Fonts& f = fonts();
    ImGui::Dummy(ImVec2(0, px(16)));
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->ChannelsSplit(2);
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
    ImGui::Indent(px(20));
    ImGui::Dummy(ImVec2(0, px(8)));
    if (!u.details) {
        paragraph(f.body, colour::text_secondary, "Loading the user's details\xE2\x80\xA6");
    } else {
        const core::SupportUserDetails& d = *u.details;
        ImGui::PushFont(f.title);
        ImGui::TextUnformatted(d.user.name.empty() ? d.user.email.c_str() : d.user.name.c_str());
        ImGui::PopFont();
        paragraph(f.body, colour::text_secondary, d.user.email);
        status_pill(d.user.status);
        auto line = [&](const char* label, const std::string& value) {
            ImGui::PushFont(f.small);
            ImGui::PushStyleColor(ImGuiCol_Text, colour::text_secondary);
            ImGui::TextUnformatted(label);
            ImGui::PopStyleColor();
            ImGui::PopFont();
            if (!narrow_layout()) ImGui::SameLine(px(180));   // phones: label above value
            ImGui::TextUnformatted(value.c_str());
        };
        std::string tenants;
        for (const core::SupportUserTenant& t : d.tenants)
            tenants += (tenants.empty() ? "" : ", ") + (t.tenant_name.empty() ? t.tenant : t.tenant_name) + " (" +
                       std::string(core::status_word(t.status)) + ")";
        line("Services", tenants.empty() ? "None" : tenants);
        line("Invited by", d.user.invited_by.empty() ? "Unknown" : d.user.invited_by);
        line("Invited", readable_time(state, d.user.invited_at));
        line("Last sign-in", readable_time(state, d.user.last_sign_in_at));
        line("Open tickets", std::to_string(d.open_tickets));
        ImGui::Dummy(ImVec2(0, px(4)));
        if (d.user.status != core::MembershipStatus::Revoked && button("Revoke access", false)) out.push_back(core::AskRevoke{d.user.id});
    }
    ImGui::Dummy(ImVec2(0, px(8)));
    ImGui::Unindent(px(20));
    const ImVec2 end(start.x + column.width, ImGui::GetCursorScreenPos().y);
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(0);
    ImGui::GetWindowDrawList()->AddRectFilled(start, end, colour::surface, px(10));
    ImGui::GetWindowDrawList()->AddRect(start, end, colour::border, px(10));
    ImGui::GetWindowDrawList()->ChannelsMerge();
}

// One card per audit entry on phones, label above value.
void draw_audit_cards(const core::State& state, Column column) {
    const Fonts& f = fonts();
    for (const core::AuditEntry& e : state.users.audit) {
        const RowCard card = begin_row_card(column.width);
        const std::pair<const char*, std::string> fields[] = {
            {"When", readable_time(state, e.at)}, {"Who", e.actor}, {"What", e.action}, {"On whom", e.target},
            {"From", e.address}};
        for (const auto& [caption, value] : fields) {
            row_card_caption(caption);
            paragraph(f.body, colour::text, value);
        }
        end_row_card(card);
    }
}

void draw_audit(const core::State& state, Column column, Actions& out) {
    const core::UsersView& u = state.users;
    const Fonts& f = fonts();
    ImGui::Dummy(ImVec2(0, px(24)));
    ImGui::PushFont(f.title);
    ImGui::TextUnformatted("Audit log");
    ImGui::PopFont();
    if (u.audit.empty()) {
        paragraph(f.body, colour::text_secondary, "No user-management actions yet.");
        return;
    }
    if (narrow_layout()) {
        draw_audit_cards(state, column);
    } else {
        begin_table_semantics("Audit log", static_cast<int>(u.audit.size()));
        if (ImGui::BeginTable("##audit", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH,
                              ImVec2(column.width, 0))) {
            const char* const columns[] = {"When", "Who", "What", "On whom", "From"};
            for (const char* name : columns) ImGui::TableSetupColumn(name);
            ImGui::TableNextRow(ImGuiTableRowFlags_Headers, px(32));
            begin_table_row("##header", 0);
            for (int c = 0; c < 5; ++c) {
                table_cell(c, Role::ColumnHeader);
                cell_text(f.small, colour::text_secondary, columns[c], px(32));
            }
            end_table_row();
            for (size_t i = 0; i < u.audit.size(); ++i) {
                const core::AuditEntry& e = u.audit[i];
                ImGui::TableNextRow(0, px(32));
                begin_table_row("##entry" + std::to_string(i), static_cast<int>(i) + 1);
                table_cell(0);
                cell_text(f.body, colour::text_secondary, readable_time(state, e.at), px(32));
                table_cell(1);
                cell_text(f.body, colour::text, e.actor, px(32));
                table_cell(2);
                cell_text(f.body, colour::text, e.action, px(32));
                table_cell(3);
                cell_text(f.body, colour::text, e.target, px(32));
                table_cell(4);
                cell_text(f.body, colour::text_secondary, e.address, px(32));
                end_table_row();
            }
            ImGui::EndTable();
        }
        end_table_semantics();
    }
    if (!u.audit_cursor.empty()) {
        ImGui::Dummy(ImVec2(0, px(6)));
        if (!u.audit_paging && button("Show older entries", false)) out.push_back(core::LoadOlderAudit{});
    }
}

// The support users as a sortable table on wide screens.
void draw_user_table(const core::State& state, Column column, Actions& out) {
    const Fonts& f = fonts();
    const core::UsersView& u = state.users;
    const float row_height = px(42);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter;
    ImGui::PushStyleColor(ImGuiCol_TableRowBg, colour::surface);
    ImGui::PushStyleColor(ImGuiCol_TableRowBgAlt, colour::row_alt);
    ImGui::PushStyleColor(ImGuiCol_TableBorderLight, colour::border);
    ImGui::PushStyleColor(ImGuiCol_TableBorderStrong, colour::border);
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(px(12), 0));
    begin_table_semantics("Support users", static_cast<int>(u.items.size()));
    if (ImGui::BeginTable("##users", 6, flags, ImVec2(column.width, 0))) {
        using core::SupportUserSort;
        struct Column { const char* title; std::optional<SupportUserSort> sort; float width; };
        const Column columns[] = {{"E-mail", SupportUserSort::Email, 0},
                                  {"Name", SupportUserSort::Name, px(200)},
                                  {"Status", std::nullopt, px(100)},
                                  {"Invited", SupportUserSort::InvitedAt, px(140)},
                                  {"Last sign-in", SupportUserSort::LastSignInAt, px(140)},
                                  {"Actions", std::nullopt, px(170)}};
        for (const Column& c : columns)
            ImGui::TableSetupColumn(c.title, c.width > 0 ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch, c.width);
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers, px(34));
        begin_table_row("##header", 0);
        for (int i = 0; i < 6; ++i) {
            table_cell(i, Role::ColumnHeader);
            const Column& c = columns[i];
            if (!c.sort) {
                cell_text(f.small, colour::text_secondary, c.title, px(34));
                continue;
            }
            const bool sorted = u.sort == *c.sort;
            const std::string text = std::string(c.title) + (sorted ? (u.descending ? " \xE2\x86\x93" : " \xE2\x86\x91") : "");
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (px(34) - f.small->FontSize) * 0.5f);
            const std::string sort_id = "##sort-" + std::string(core::to_string(*c.sort));
            if (link_button(sort_id.c_str(), text, std::string("Sort by ") + c.title, f.small))
                out.push_back(core::SortUsers{*c.sort});
        }
        end_table_row();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(u.items.size()), row_height);
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const core::SupportUser& user = u.items[i];
                ImGui::PushID(user.id.c_str());
                ImGui::TableNextRow(0, row_height);
                begin_table_row(user.id, i + 1);
                table_cell(0);
                cell_text(f.body_strong, colour::text, user.email, row_height);
                table_cell(1);
                cell_text(f.body, colour::text, user.name.empty() ? "\xE2\x80\x94" : user.name, row_height);
                table_cell(2);
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (row_height - f.small->FontSize - px(6)) * 0.5f);
                status_pill(user.status);
                table_cell(3);
                cell_text(f.body, colour::text_secondary, readable_time(state, user.invited_at), row_height);
                table_cell(4);
                cell_text(f.body, colour::text_secondary, readable_time(state, user.last_sign_in_at), row_height);
                table_cell(5);
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (row_height - f.small->FontSize) * 0.5f);
                if (link_button("##details", "Details", "Details of " + user.email, f.small)) out.push_back(core::SelectUser{user.id});
                if (user.status != core::MembershipStatus::Revoked) {
                    ImGui::SameLine(0, px(16));
                    if (link_button("##revoke", "Revoke", "Revoke " + user.email, f.small)) out.push_back(core::AskRevoke{user.id});
                }
                end_table_row();
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    end_table_semantics();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(4);
}

// The support users as cards on phones, label above value; sorting is by
// the wide table's headers only.
void draw_user_cards(const core::State& state, Column column, Actions& out) {
    const Fonts& f = fonts();
    for (const core::SupportUser& user : state.users.items) {
        ImGui::PushID(user.id.c_str());
        begin_group(Role::Group, user.email);
        const RowCard card = begin_row_card(column.width);
        paragraph(f.body_strong, colour::text, user.email);
        if (!user.name.empty()) paragraph(f.body, colour::text, user.name);
        status_pill(user.status);
        row_card_caption("Invited");
        paragraph(f.body, colour::text_secondary, readable_time(state, user.invited_at));
        row_card_caption("Last sign-in");
        paragraph(f.body, colour::text_secondary, readable_time(state, user.last_sign_in_at));
        if (link_button("##details", "Details", "Details of " + user.email, f.body)) out.push_back(core::SelectUser{user.id});
        if (user.status != core::MembershipStatus::Revoked) {
            ImGui::SameLine(0, px(24));
            if (link_button("##revoke", "Revoke", "Revoke " + user.email, f.body)) out.push_back(core::AskRevoke{user.id});
        }
        end_row_card(card);
        end_group();
        ImGui::PopID();
    }
}

}  // namespace

void draw_users_screen(const core::State& state, Column column, Actions& out) {
    const Fonts& f = fonts();
    const core::UsersView& u = state.users;
    heading("Support users");
    if (state.session != core::SessionStatus::SignedIn || !state.account) {
        paragraph(f.body, colour::text_secondary,
                  state.service_reachable ? "Checking your session\xE2\x80\xA6"
                                          : "The service cannot be reached; the support users show once it answers.");
        return;
    }
    if (!state.account->is_admin_of(state.current_tenant)) {
        paragraph(f.body, colour::text, "Only administrators of this service manage its support users.");
        return;
    }
    const core::Membership* here = state.account->membership(state.current_tenant);
    paragraph(f.body, colour::text_secondary,
              "People who may open, view and comment on tickets for " + here->tenant_name +
                  ", without administration access.");
    ImGui::Dummy(ImVec2(0, px(8)));
    if (button("Invite a support user", true)) out.push_back(core::OpenInvite{});
    if (!u.message.empty()) {
        ImGui::SameLine(0, px(16));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetStyle().FramePadding.y);
        ImGui::PushStyleColor(ImGuiCol_Text, colour::success_text);
        ImGui::TextUnformatted(u.message.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Dummy(ImVec2(0, px(8)));

    // Search and filter.
    std::string query = u.query;
    const bool narrow = narrow_layout();
    ImGui::SetNextItemWidth(narrow ? column.width : px(320));
    if (ImGui::InputTextWithHint("##user-search", "Search by e-mail or name", &query)) out.push_back(core::EditUserSearch{query});
    expose_label("Search by e-mail or name");
    focus_ring_if_active();
    bool first_filter = true;
    using core::MembershipStatus;
    const std::pair<std::optional<MembershipStatus>, const char*> filters[] = {
        {std::nullopt, "All"}, {MembershipStatus::Active, "Active"}, {MembershipStatus::Invited, "Invited"},
        {MembershipStatus::Revoked, "Revoked"}};
    for (const auto& [value, word] : filters) {
        if (!(narrow && first_filter)) ImGui::SameLine(0, px(8));   // phones: the filters on a line of their own
        first_filter = false;
        const bool chosen = u.status == value;
        if (button(std::string(word) + (chosen ? " \xE2\x9C\x93" : "") + "##status-" + word, chosen))
            out.push_back(core::ChooseUserStatus{value});
    }
    ImGui::Dummy(ImVec2(0, px(4)));
    paragraph(f.small, colour::text_secondary,
              u.loading ? std::string("Searching\xE2\x80\xA6")
                        : std::to_string(u.total) + (u.total == 1 ? " user" : " users") +
                              (u.query.empty() ? "" : " matching \"" + u.query + "\""));
    if (!u.error.empty()) error_text(u.error);
    if (u.as_of) {
        ImGui::Dummy(ImVec2(0, px(4)));
        stale_callout(state, *u.as_of, "the support users", column.width);
    }
    ImGui::Dummy(ImVec2(0, px(4)));

    if (narrow) draw_user_cards(state, column, out);
    else draw_user_table(state, column, out);
    if (!u.next_cursor.empty()) {
        ImGui::Dummy(ImVec2(0, px(4)));
        if (button("Load more", false)) out.push_back(core::LoadMoreUsers{});
    }
    draw_details(state, column, out);
    draw_audit(state, column, out);
    draw_invite_dialog(state, out);
    draw_revoke_confirmation(state, out);
}

}  // namespace ui
