// One ticket: its status and live countdown, what the customer may do now
// (confirm or reopen a solved ticket, escalate), the thread with a reply box,
// and everything that was submitted with it.
#include "layout.hpp"
#include "screens.hpp"
#include "sla_badge.hpp"
#include "style.hpp"
#include "widgets.hpp"

#include "core/program/severity_guidance.hpp"
#include "core/flows/request_flow.hpp"
#include "core/flows/ticket_flow.hpp"
#include "core/text/time_text.hpp"
#include "core/checks/timestamp_text.hpp"

#include <misc/cpp/imgui_stdlib.h>

namespace ui {

namespace {

void line(ImFont* font, ImU32 colour, const std::string& text) {
    paragraph(font, colour, text);
    expose_label(text);
}

std::string author_line(const core::TicketComment& comment, const core::TimeZone* zone) {
    std::string who;
    switch (comment.author_kind) {
    case core::CommentAuthor::Customer: who = comment.author.empty() ? "Customer" : comment.author; break;
    case core::CommentAuthor::Support: who = (comment.author.empty() ? "Support" : comment.author) + " \xC2\xB7 Support"; break;
    case core::CommentAuthor::Automated: who = "Automated reply"; break;
    }
    return who + " \xC2\xB7 " + core::format_full(comment.created_at, zone);
}

void draw_thread(const core::State& state, const core::TicketDetails& details, float width) {
    const Fonts& f = fonts();
    const core::TimeZone* zone = core::viewer_zone(state);
    for (const core::TicketComment& comment : details.comments) {
        ImU32 background = colour::surface, border = colour::border;
        if (comment.author_kind == core::CommentAuthor::Support) {
            background = colour::accent_soft;
            border = colour::accent_border;
        }
        if (comment.author_kind == core::CommentAuthor::Automated) background = colour::page;
        callout({{f.small, colour::text_secondary, author_line(comment, zone), 0, false},
                 {f.body, colour::text, comment.body, 6, false}},
                background, border, width);
        ImGui::Dummy(ImVec2(0, px(8)));
    }
}

void draw_reply_box(const core::TicketView& view, float width, Actions& out) {
    const Fonts& f = fonts();
    std::string text = view.comment;
    if (text_area("##reply", "Reply", text, view.comment_error, ImVec2(width, px(110)))) out.push_back(core::EditComment{text});
    ImGui::Dummy(ImVec2(0, px(4)));
    if (submit_button("Send reply", "Sending\xE2\x80\xA6", view.comment_busy)) out.push_back(core::SendComment{});
}

// What was submitted, as the form asked it.
void draw_submitted(const core::State& state, const core::TicketDetails& details, float width) {
    const Fonts& f = fonts();
    const core::Route* route = state.program.find_route(details.ticket.route);
    // Phones: one column, each caption above its value.
    const bool stacked = narrow_layout();
    if (!ImGui::BeginTable("##submitted", stacked ? 1 : 2, ImGuiTableFlags_BordersInnerH, ImVec2(width, 0))) return;
    if (!stacked) ImGui::TableSetupColumn("What", ImGuiTableColumnFlags_WidthFixed, px(200));
    ImGui::TableSetupColumn("Value", ImGuiTableColumnFlags_WidthStretch);
    auto row = [&](const std::string& what, const std::string& value) {
        // Both cells wrap inside their column (the page's wrap width is wider).
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0);
        line(f.small, colour::text_secondary, what);
        if (!stacked) ImGui::TableNextColumn();
        line(f.body, colour::text, value);
        ImGui::PopTextWrapPos();
    };
    // A timestamp as typed, and as support reads it: one instant in UTC
    // (a time without a zone is the customer's own).
    const core::TimeZone* customer_zone = nullptr;
    if (auto it = state.zones.find(details.ticket.customer_time_zone); it != state.zones.end())
        customer_zone = it->second;
    for (const auto& [id, value] : details.fields) {
        if (value.empty()) continue;
        const core::Field* field = route ? route->find_field(id) : nullptr;
        std::string shown = value;
        if (field && field->kind == core::FieldKind::Timestamp && customer_zone) {
            const core::TimestampReading reading = core::read_timestamp(value, customer_zone);
            if (reading.instant) shown += "  (" + core::format_full(*reading.instant, nullptr) + ")";
        }
        row(field ? field->caption : id, shown);
    }
    for (const auto& [question_id, answer_id] : details.answers) {
        std::string question = question_id, answer = answer_id;
        if (const core::TriageQuestion* q = state.program.triage.find_question(question_id)) {
            question = q->text;
            if (const core::TriageAnswer* a = q->find_answer(answer_id)) answer = a->text;
        } else if (const core::GuidanceQuestion* q = state.program.severity_guidance.find_question(question_id)) {
            question = q->text;
            if (const core::GuidanceAnswer* a = q->find_answer(answer_id)) answer = a->text;
        }
        row(question, answer);
    }
    const core::Checklist* checklist = state.program.checklist_for_route(details.ticket.route);
    for (const auto& [item_id, done] : details.checklist) {
        const core::ChecklistItem* item = checklist ? checklist->find_item(item_id) : nullptr;
        row(item ? item->text : item_id, done ? "\xE2\x9C\x93 Checked" : "Not checked");
    }
    ImGui::EndTable();
}

void draw_escalate_dialog(const core::State& state, const core::TicketView& view, Actions& out) {
    const core::EscalateDialog& d = view.escalate;
    const char* title = "Escalate to a new ticket";
    if (d.open && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    ImGui::SetNextWindowSize(ImVec2(dialog_width(520), 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(24), px(20)));
    if (!ImGui::BeginPopupModal(title, nullptr, dialog_flags)) {
        ImGui::PopStyleVar();
        return;
    }
    if (!d.open || !view.details) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        ImGui::PopStyleVar();
        return;
    }
    const Fonts& f = fonts();
    dialog_heading(title);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX());
    paragraph(f.small, colour::text_secondary, state.program.severity_guidance.never_raised);
    ImGui::Dummy(ImVec2(0, px(8)));
    int severity = d.severity;
    std::string reason = d.reason;
    bool changed = false;
    begin_group(Role::RadioGroup, "New severity");
    for (const core::Severity& s : state.program.severities) {
        if (s.level >= view.details->ticket.severity) continue;   // only more urgent
        ImGui::PushID(s.level);
        const std::string label = core::severity_label(state.program, s.level) + " \xC2\xB7 " + s.title;
        if (radio(label, severity == s.level)) severity = s.level, changed = true;
        ImGui::PopID();
    }
    end_group();
    if (auto it = d.field_errors.find("severity"); it != d.field_errors.end()) error_text(it->second);
    ImGui::Dummy(ImVec2(0, px(6)));
    if (text_area("##reason", "Why is it more urgent now?", reason, field_error(d.field_errors, "reason"),
                  ImVec2(ImGui::GetContentRegionAvail().x, px(90)), true))
        changed = true;
    if (changed) out.push_back(core::EditEscalate{severity, reason});
    if (!d.error.empty() && d.field_errors.empty()) error_text(d.error);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, px(8)));
    if (submit_button("File the urgent ticket", "Filing\xE2\x80\xA6", d.busy)) out.push_back(core::SubmitEscalate{});
    ImGui::SameLine();
    if (button("Cancel", false)) out.push_back(core::CloseEscalate{});
    cancels_dialog();
    ImGui::EndPopup();
    ImGui::PopStyleVar();
}

void draw_actions(const core::TicketView& view, const core::TicketDetails& details, Actions& out) {
    const bool busy = view.busy_command.has_value();
    if (busy) ImGui::BeginDisabled();
    bool first = true;
    auto next = [&] {
        if (!first) ImGui::SameLine();
        first = false;
    };
    if (details.allows(core::TicketAction::Confirm)) {
        next();
        if (button("Confirm it is solved", true)) out.push_back(core::TicketCommand{core::TicketAction::Confirm});
    }
    if (details.allows(core::TicketAction::Reopen)) {
        next();
        if (button("It is not solved: reopen", false)) out.push_back(core::TicketCommand{core::TicketAction::Reopen});
    }
    if (details.allows(core::TicketAction::Solve)) {
        next();
        if (button("Mark solved", true)) out.push_back(core::TicketCommand{core::TicketAction::Solve});
    }
    if (details.allows(core::TicketAction::Escalate)) {
        next();
        if (button("Escalate", false)) out.push_back(core::OpenEscalate{});
    }
    if (busy) ImGui::EndDisabled();
    if (!view.command_error.empty()) error_text(view.command_error);
}

// The ticket's files (sanitised HAR files, screenshots, logs): who added
// each and when, a download; and attaching more while the ticket is open.
void draw_files(const core::State& state, const core::TicketView& view, const core::TicketDetails& details, float width,
                Actions& out) {
    const Fonts& f = fonts();
    const bool open = details.ticket.status != core::TicketStatus::Closed;
    if (details.attachments.empty() && !open) return;
    ImGui::Dummy(ImVec2(0, px(20)));
    heading("Files", 2);
    ImGui::Dummy(ImVec2(0, px(4)));
    const core::TimeZone* zone = core::viewer_zone(state);
    for (const core::TicketAttachment& file : details.attachments) {
        ImGui::PushID(file.id.c_str());
        if (link_button("##download", file.file_name + "  \xE2\x86\x93", "Download " + file.file_name, f.body_strong))
            out.push_back(core::DownloadAttachment{file.url, file.file_name});
        const std::string who = file.added_by_name.empty() ? file.added_by_email : file.added_by_name;
        line(f.small, colour::text_secondary,
             core::size_text(file.size) + " \xC2\xB7 added by " + (who.empty() ? std::string("someone") : who) + " \xC2\xB7 " +
                 core::format_full(file.created_at, zone));
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, px(4)));
    }
    if (details.attachments.empty()) line(f.body, colour::text_secondary, "No files yet.");
    if (!open) return;
    ImGui::Dummy(ImVec2(0, px(4)));
    if (button("Attach a HAR file\xE2\x80\xA6", false)) out.push_back(core::OpenHar{{}, details.ticket.id});
    beside_if_room("Attach a screenshot or log\xE2\x80\xA6");
    if (button("Attach a screenshot or log\xE2\x80\xA6", false)) out.push_back(core::AttachToTicket{});
    if (const int sending = core::uploads_to(state, details.ticket.id); sending > 0) {
        line(f.small, colour::text_secondary, "Sending " + std::to_string(sending) + (sending == 1 ? " file\xE2\x80\xA6" : " files\xE2\x80\xA6"));
        describe(Role::Status);
    }
    if (!view.attach_error.empty()) error_text(view.attach_error);
    (void)width;
}

}  // namespace

void draw_ticket_screen(const core::State& state, const core::TicketScreen& screen, Column column, Actions& out) {
    const Fonts& f = fonts();
    const core::TicketView& view = state.ticket;
    if (link_button("##back", "\xE2\x86\x90 All tickets", "All tickets", f.body)) out.push_back(core::OpenTickets{});
    ImGui::Dummy(ImVec2(0, px(8)));
    if (!view.details || view.details->ticket.id != screen.id) {
        heading(screen.id);
        if (!view.error.empty()) {
            callout({{f.body, colour::warning_text, view.error, 0, false}}, colour::warning_soft,
                    colour::warning_border, column.width);
        } else {
            paragraph(f.body, colour::text_secondary, "Loading the ticket\xE2\x80\xA6");
        }
        return;
    }
    const core::TicketDetails& details = *view.details;
    const core::Ticket& ticket = details.ticket;

    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column.width);
    ImGui::PushFont(f.heading);
    ImGui::TextWrapped("%s \xC2\xB7 %s", ticket.id.c_str(), ticket.summary.c_str());
    ImGui::PopFont();
    expose_label(ticket.id + " \xC2\xB7 " + ticket.summary);
    describe(Role::Heading).level = 1;
    const core::Route* route = state.program.find_route(ticket.route);
    std::string facts = std::string(core::status_text(ticket.status)) + " \xC2\xB7 " + core::severity_label(state.program, ticket.severity);
    if (route) facts += " \xC2\xB7 " + route->title;
    if (!details.tenant.empty()) facts += " \xC2\xB7 " + details.tenant;
    if (!details.created_by_name.empty() || !details.created_by_email.empty())
        facts += " \xC2\xB7 filed by " + (details.created_by_name.empty() ? details.created_by_email : details.created_by_name);
    line(f.body, colour::text_secondary, facts);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, px(6)));
    draw_sla_badge(sla_badge(state, ticket), "##sla", ticket.id);
    ImGui::Dummy(ImVec2(0, px(6)));

    if (!details.escalates.empty()) {
        if (link_button("##escalates", "Escalates " + details.escalates, "Escalates " + details.escalates, f.body))
            out.push_back(core::OpenTicket{details.escalates});
    }
    for (const std::string& id : details.escalated_by) {
        if (link_button(("##escalated-" + id).c_str(), "Escalated by " + id, "Escalated by " + id, f.body))
            out.push_back(core::OpenTicket{id});
    }
    if (ticket.status == core::TicketStatus::Solved && details.allows(core::TicketAction::Confirm))
        line(f.body, colour::text, "Support marked this solved. Is it? The ticket closes only when you confirm.");
    ImGui::Dummy(ImVec2(0, px(6)));
    draw_actions(view, details, out);

    const float width = std::min(column.width, px(760));
    ImGui::Dummy(ImVec2(0, px(16)));
    heading("Conversation", 2);
    ImGui::Dummy(ImVec2(0, px(6)));
    draw_thread(state, details, width);
    if (details.allows(core::TicketAction::Comment)) draw_reply_box(view, width, out);

    draw_files(state, view, details, width, out);

    ImGui::Dummy(ImVec2(0, px(20)));
    heading("What was submitted", 2);
    ImGui::Dummy(ImVec2(0, px(6)));
    draw_submitted(state, details, width);
    ImGui::Dummy(ImVec2(0, px(40)));
    draw_escalate_dialog(state, view, out);
}

}  // namespace ui
