// The ticket list with a live response-target badge per ticket. Only the rows
// on screen are laid out and computed, so 10,000 tickets cost what 20 do.
// A support engineer's list is the queue: every tenant's tickets, the first
// response due soonest on top, with filters (core/model/ticket_queue).
#include "layout.hpp"
#include "core/text/ascii_text.hpp"
#include "redraw_clock.hpp"
#include "request_form.hpp"
#include "screens.hpp"
#include "sla_badge.hpp"
#include "style.hpp"
#include "widgets.hpp"

#include "core/model/draft_list.hpp"
#include "core/text/duration_text.hpp"
#include "core/text/time_text.hpp"

#include <cfloat>
#include <cstring>

namespace ui {

namespace {

// The viewer's zone: a combo with a filter, since there are ~600 names.
void draw_zone_chooser(const core::State& state, float width, Actions& out) {
    static char filter[64] = "";
    const std::string preview = state.viewer_time_zone.empty() ? "UTC" : state.viewer_time_zone;
    ImGui::SetNextItemWidth(width);
    const ImGuiID id = ImGui::GetID("##viewer-zone");
    const bool open = ImGui::BeginCombo("##viewer-zone", preview.c_str(), ImGuiComboFlags_HeightLarge);
    expose_label(id, "Time zone");
    if (!open) return;
    if (ImGui::IsWindowAppearing()) {
        filter[0] = 0;
        ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##zone-filter", "Search, e.g. Berlin", filter, sizeof filter);
    expose_label("Search time zones");
    std::vector<const std::string*> matches;
    for (const std::string& name : state.known_time_zones) {
        // Case-insensitive substring match; spaces match underscores.
        auto lower = [](char c) { return c == ' ' ? '_' : core::ascii_lower(c); };
        std::string needle(filter), hay(name);
        for (char& c : needle) c = lower(c);
        for (char& c : hay) c = lower(c);
        if (hay.find(needle) != std::string::npos) matches.push_back(&name);
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(matches.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const std::string& name = *matches[i];
            if (ImGui::Selectable(name.c_str(), name == state.viewer_time_zone, 0, option_size())) out.push_back(core::ChooseViewerTimeZone{name});
        }
    }
    if (matches.empty()) ImGui::TextDisabled("No time zone matches \"%s\".", filter);
    ImGui::EndCombo();
}

std::string severity_text(const core::State& state, int level) {
    const core::Severity* s = state.program.find_severity(level);
    return std::to_string(level) + (s ? " \xC2\xB7 " + s->name : std::string());
}

std::string plan_text(const core::State& state, const std::string& plan_id) {
    const core::Plan* plan = state.program.find_plan(plan_id);
    return plan ? plan->name : plan_id;
}

std::string tenant_text(const core::State& state, const std::string& tenant) {
    const core::Membership* m = state.account ? state.account->membership(tenant) : nullptr;
    return m && !m->tenant_name.empty() ? m->tenant_name : tenant;
}

bool is_queue(const core::State& state) { return state.account && state.account->supports_any(); }

// The queue's filters: tenant, plan, severity, status; two a row on phones.
void draw_queue_filters(const core::State& state, Column column, Actions& out) {
    const core::TicketQueueFilter& current = state.tickets.filter;
    const bool narrow = narrow_layout();
    const float gap = px(12);
    const float width = narrow ? (column.width - gap) / 2 : std::min(px(200), (column.width - 3 * gap) / 4);

    std::vector<std::string> tenant_ids{""}, tenants{"All tenants"};
    for (const core::Membership& m : state.account->memberships) {
        tenant_ids.push_back(m.tenant);
        tenants.push_back(m.tenant_name.empty() ? m.tenant : m.tenant_name);
    }
    std::vector<std::string> plan_ids{""}, plans{"All plans"};
    for (const core::Plan& plan : state.program.plans) {
        plan_ids.push_back(plan.id);
        plans.push_back(plan.name);
    }
    std::vector<int> levels{0};
    std::vector<std::string> severities{"All severities"};
    for (const core::Severity& s : state.program.severities) {
        levels.push_back(s.level);
        severities.push_back(severity_text(state, s.level));
    }
    const std::optional<core::TicketStatus> status_values[] = {core::TicketStatus::Open, core::TicketStatus::Solved,
                                                               core::TicketStatus::Closed, std::nullopt};
    const std::vector<std::string> statuses{"Open", "Solved, awaiting confirmation", "Closed", "Any status"};

    auto index_of = [](const auto& values, const auto& value) {
        for (int i = 0; i < int(std::size(values)); ++i)
            if (values[i] == value) return i;
        return 0;
    };
    int tenant = index_of(tenant_ids, current.tenant), plan = index_of(plan_ids, current.plan);
    int severity = index_of(levels, current.severity), status = index_of(status_values, current.status);
    // Each filter placed at its slot's top left: SameLine would push the
    // next caption down to the combo's text line.
    const float left = ImGui::GetCursorPosX();
    const int per_row = narrow ? 2 : 4;
    float row_top = ImGui::GetCursorPosY();
    int in_row = 0;
    auto next_slot = [&] {
        if (in_row == per_row) {
            in_row = 0;
            row_top = ImGui::GetCursorPosY() + px(8);
        }
        ImGui::SetCursorPos(ImVec2(left + in_row * (width + gap), row_top));
        ++in_row;
    };
    core::TicketQueueFilter next = current;
    next_slot();
    if (choice_combo("##queue-tenant", "Tenant", tenants, tenant, width)) next.tenant = tenant_ids[tenant];
    next_slot();
    if (choice_combo("##queue-plan", "Plan", plans, plan, width)) next.plan = plan_ids[plan];
    next_slot();
    if (choice_combo("##queue-severity", "Severity", severities, severity, width)) next.severity = levels[severity];
    next_slot();
    if (choice_combo("##queue-status", "Status", statuses, status, width)) next.status = status_values[status];
    if (!(next == current)) out.push_back(core::FilterTickets{next});
}

}  // namespace

// Shown instead of an error when the service cannot be reached: how old the
// list on screen is, and why it is not newer.
void stale_callout(const core::State& state, core::Instant as_of, const char* what, float width) {
    const Fonts& f = fonts();
    const std::chrono::seconds age = state.now - as_of;
    const bool fresh = age < std::chrono::minutes{1};
    const std::string when = fresh ? std::string("less than a minute") : core::duration_text(age);
    redraw_at(state.now + (fresh ? std::chrono::minutes{1} - age : core::duration_text_lasts(age)));
    const std::string title = std::string("Showing ") + what + " as of " + when + " ago (" +
                              weekday_time(state, as_of, core::viewer_zone(state)) + ")";
    const std::string why = std::string(state.online ? "The service cannot be reached right now." : "You are offline.") +
                            " The list refreshes when the service answers again.";
    callout({{f.body_strong, colour::warning_text, title, 0, false}, {f.body, colour::text, why, 4, false}},
            colour::warning_soft, colour::warning_border, width);
    expose_label(title);
}

// Requests submitted while offline, until the service files them.
static void draw_outbox(const core::State& state, float width) {
    if (state.outbox.empty()) return;
    const Fonts& f = fonts();
    section_heading("Waiting to be sent", "Filed once, automatically, as soon as the service can be reached.");
    for (const core::QueuedTicket& queued : state.outbox) {
        std::string summary;
        if (auto form = state.requests.find(queued.route); form != state.requests.end())
            summary = core::draft_summary(state, form->second);
        const std::string line = state.program.route_title(queued.route) + (summary.empty() ? "" : ": " + summary) +
                                 " \xC2\xB7 queued " +
                                 weekday_time(state, queued.queued_at, core::viewer_zone(state));
        paragraph(f.body, colour::text, fit_to_width(f.body, line, width));
        expose_label(line);
    }
    ImGui::Dummy(ImVec2(0, px(12)));
}

// Below 720 CSS px each ticket is a card, its fields as label above value, so
// nothing is cut to "..." and the badge shows whole.
static void draw_ticket_cards(const core::State& state, Column column, Actions& out) {
    const Fonts& f = fonts();
    const core::TicketList& list = state.tickets;
    const core::TimeZone* viewer = core::viewer_zone(state);
    auto field = [&](const char* caption, const std::string& value, float width) {
        row_card_caption(caption);
        paragraph(f.body, colour::text, fit_to_width(f.body, value, width));
    };
    const bool queue = is_queue(state);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(list.shown.size()));   // every card is as tall as the first, which it measures
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const core::Ticket& t = list.items[list.shown[i]];
            ImGui::PushID(i);
            begin_group(Role::Group, "Ticket " + t.id);
            const RowCard card = begin_row_card(column.width);
            if (link_button(("##open-" + t.id).c_str(), t.id, t.id, f.body_strong)) out.push_back(core::OpenTicket{t.id});
            paragraph(f.body, colour::text, fit_to_width(f.body, t.summary, card.content_width));
            if (queue) field("Tenant", tenant_text(state, t.tenant), card.content_width);
            field("Plan", plan_text(state, t.plan), card.content_width);
            field("Severity", severity_text(state, t.severity), card.content_width);
            field("Opened", viewer ? weekday_time(state, t.opened_at, viewer) : std::string("\xE2\x80\xA6"),
                  card.content_width);
            row_card_caption("First response");
            const SlaBadge badge = sla_badge(state, t);
            draw_sla_badge(badge, "##sla", t.id);
            end_row_card(card);
            end_group();
            ImGui::PopID();
        }
    }
}

void draw_tickets_screen(const core::State& state, Column column, Actions& out) {
    const Fonts& f = fonts();
    const core::TicketList& list = state.tickets;
    const bool queue = is_queue(state);
    heading(queue ? "Ticket queue" : "Your tickets");
    paragraph(f.body, colour::text_secondary,
              queue ? "Every customer's tickets, the first response due soonest on top, so breached tickets lead. "
                      "Targets count in business hours in each customer's own time zone and pause outside them."
                    : "Response targets count in business hours in each customer's own time zone and pause outside "
                      "them. The badges count down live.");
    ImGui::Dummy(ImVec2(0, px(4)));
    const bool narrow = narrow_layout();
    cell_text(f.body, colour::text, "Times are shown in", narrow ? f.body->FontSize : ImGui::GetFrameHeight());
    if (!narrow) {   // phones: the chooser below its words, full width
        ImGui::SameLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - (ImGui::GetFrameHeight() - f.body->FontSize) * 0.5f);
    }
    draw_zone_chooser(state, narrow ? column.width : px(240), out);
    ImGui::Dummy(ImVec2(0, px(12)));

    draw_outbox(state, column.width);
    if (list.as_of) {
        stale_callout(state, *list.as_of, "your tickets", column.width);
        ImGui::Dummy(ImVec2(0, px(8)));
        if (button("Try again", false)) out.push_back(core::ReloadTickets{});
        ImGui::Dummy(ImVec2(0, px(12)));
    }
    if (!list.error.empty()) {
        callout({{f.body, colour::warning_text, list.error, 0, false}}, colour::warning_soft, colour::warning_border,
                column.width);
        if (button("Try again", true)) out.push_back(core::ReloadTickets{});
        ImGui::Dummy(ImVec2(0, px(12)));
    }
    if (queue && !list.items.empty()) {
        draw_queue_filters(state, column, out);
        ImGui::Dummy(ImVec2(0, px(8)));
        const std::string count = std::to_string(list.shown.size()) + " of " + std::to_string(list.items.size()) +
                                  (list.items.size() == 1 ? " ticket" : " tickets");
        cell_text(f.small, colour::text_secondary, count, f.small->FontSize);
        if (!(list.filter == core::TicketQueueFilter{})) {
            ImGui::SameLine(0, px(16));
            if (link_button("##clear-filters", "Clear filters", "Clear filters", f.small))
                out.push_back(core::FilterTickets{});
        }
        ImGui::Dummy(ImVec2(0, px(8)));
        if (list.shown.empty()) {
            paragraph(f.body, colour::text_secondary, "No tickets match these filters.");
            return;
        }
    }
    if (list.items.empty()) {
        if (state.session == core::SessionStatus::Unknown && !state.service_reachable)
            paragraph(f.body, colour::text_secondary,
                      "The service cannot be reached, and this device kept no tickets from an earlier visit. "
                      "They show here as soon as it answers.");
        else if (list.loading) paragraph(f.body, colour::text_secondary, "Loading tickets\xE2\x80\xA6");
        else if (list.loaded) paragraph(f.body, colour::text_secondary, "No tickets yet. Requests you open appear here.");
        return;
    }

    if (narrow) {
        draw_ticket_cards(state, column, out);
        if (list.loading) paragraph(f.small, colour::text_secondary, "Loading more\xE2\x80\xA6");
        return;
    }
    const float row_height = px(44);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_PadOuterX;
    ImGui::PushStyleColor(ImGuiCol_TableRowBg, colour::surface);
    ImGui::PushStyleColor(ImGuiCol_TableRowBgAlt, colour::row_alt);
    ImGui::PushStyleColor(ImGuiCol_TableBorderLight, colour::border);
    ImGui::PushStyleColor(ImGuiCol_TableBorderStrong, colour::border);
    ImGui::PushStyleColor(ImGuiCol_TableHeaderBg, colour::table_header);
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(px(12), 0));
    begin_table_semantics(queue ? "Ticket queue" : "Your tickets", static_cast<int>(list.shown.size()));
    // The queue trades the opening time (on the ticket's page) for the
    // tenant, so the summary keeps its room.
    const int columns = 6;
    if (ImGui::BeginTable("##tickets", columns, flags, ImVec2(column.width, 0))) {
        ImGui::TableSetupColumn("Ticket", ImGuiTableColumnFlags_WidthFixed, px(76));
        if (queue) ImGui::TableSetupColumn("Tenant", ImGuiTableColumnFlags_WidthFixed, px(150));
        ImGui::TableSetupColumn("Summary", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Plan", ImGuiTableColumnFlags_WidthFixed, px(150));
        ImGui::TableSetupColumn("Severity", ImGuiTableColumnFlags_WidthFixed, px(100));
        if (!queue) ImGui::TableSetupColumn("Opened", ImGuiTableColumnFlags_WidthFixed, px(130));
        ImGui::TableSetupColumn("First response", ImGuiTableColumnFlags_WidthFixed, px(250));
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers, px(36));
        begin_table_row("##header", 0);
        for (int c = 0; c < columns; ++c) {
            table_cell(c, Role::ColumnHeader);
            cell_text(f.small, colour::text_secondary, ImGui::TableGetColumnName(c), px(36));
        }
        end_table_row();

        const core::TimeZone* viewer = core::viewer_zone(state);
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(list.shown.size()), row_height);
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const core::Ticket& t = list.items[list.shown[i]];
                ImGui::TableNextRow(0, row_height);
                begin_table_row(t.id, i + 1);
                table_cell(0);
                // The id opens the ticket: its thread, details and actions.
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (row_height - f.body_strong->FontSize) * 0.5f);
                if (link_button(("##open-" + t.id).c_str(), t.id, t.id, f.body_strong))
                    out.push_back(core::OpenTicket{t.id});
                int c = 1;
                if (queue) {
                    table_cell(c++);
                    cell_text(f.body, colour::text_secondary, tenant_text(state, t.tenant), row_height);
                }
                table_cell(c++);
                cell_text(f.body, colour::text, t.summary, row_height);
                table_cell(c++);
                cell_text(f.body, colour::text_secondary, plan_text(state, t.plan), row_height);
                table_cell(c++);
                cell_text(f.body, colour::text_secondary, severity_text(state, t.severity), row_height);
                if (!queue) {
                    table_cell(c++);
                    cell_text(f.body, colour::text_secondary,
                              viewer ? weekday_time(state, t.opened_at, viewer) : std::string("\xE2\x80\xA6"), row_height);
                }
                table_cell(c);
                const SlaBadge badge = sla_badge(state, t);
                const float badge_height = f.small->FontSize + px(8);
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (row_height - badge_height) * 0.5f);
                ImGui::PushID(i);
                draw_sla_badge(badge, "##sla", t.id);
                ImGui::PopID();
                end_table_row();
            }
        }
        ImGui::EndTable();
    }
    end_table_semantics();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(5);
    if (list.loading) paragraph(f.small, colour::text_secondary, "Loading more\xE2\x80\xA6");
}

}  // namespace ui
