#include "core/flows/ticket_flow.hpp"

#include "core/checks/free_text.hpp"

#include "core/flows/session_flow.hpp"
#include "core/sla/severity_change.hpp"
#include "core/flows/api_request.hpp"
#include "core/text/url_text.hpp"
#include "core/text/utf8_text.hpp"

#include <nlohmann/json.hpp>

namespace core {

namespace {

std::string ticket_url(const std::string& id, std::string_view rest = {}) {
    return "/api/v1/tickets/" + url_escape(id) + std::string(rest);
}

std::string unreachable() { return "The service could not be reached. Nothing is lost; try again when you are online."; }

// Every change to a ticket answers with the ticket as it now is. Its
// countdown needs the customer's zone.
bool take_details(State& state, const HttpAnswer& answer, std::vector<Effect>& effects) {
    Parsed<TicketDetails> parsed = parse_ticket_details(answer.body);
    if (!parsed || parsed.value->ticket.id != state.ticket.id) return false;
    state.ticket.details = std::move(parsed.value);
    std::vector<Effect> zone = request_time_zone(state, state.ticket.details->ticket.customer_time_zone);
    effects.insert(effects.end(), zone.begin(), zone.end());
    return true;
}

std::vector<Effect> fetch(State& state) {
    state.ticket.loading = true;
    state.ticket.error.clear();
    return {HttpGet{ticket_url(state.ticket.id), HttpReply::TicketDetails}};
}

std::string problem_text(const HttpAnswer& answer, const char* doing) {
    if (answer.status == 0) return unreachable();
    Problem problem = parse_problem(answer.body, answer.status);
    if (!problem.message.empty()) return problem.message;
    return std::string("The service could not ") + doing + " (HTTP " + std::to_string(answer.status) + ").";
}

struct TicketVisitor : FlowVisitor<TicketActions> {
    using FlowVisitor::operator();
    TicketView& view;
    explicit TicketVisitor(State& s) : FlowVisitor(s), view(s.ticket) {}

    std::vector<Effect> operator()(const OpenTicket& a) {
        if (a.id.empty()) return {};
        state.screen = TicketScreen{a.id};
        std::vector<Effect> effects{PushLocation{location_of(state.screen)}};
        std::vector<Effect> entered = enter_screen(state);
        effects.insert(effects.end(), entered.begin(), entered.end());
        return effects;
    }
    std::vector<Effect> operator()(const EditComment& a) {
        view.comment = a.text;
        view.comment_error.clear();
        return {};
    }
    std::vector<Effect> operator()(const SendComment&) {
        if (view.comment_busy || view.id.empty()) return {};
        view.comment_error = written_text_problem(view.comment, "Write a reply first.");
        if (!view.comment_error.empty()) return {};
        const std::string body = nlohmann::json{{"body", view.comment}}.dump();
        // Resending the same text after a lost answer reuses its key: one comment.
        if (view.comment_key.empty() || view.comment_key_body != body) {
            view.comment_key = next_idempotency_key(state);
            view.comment_key_body = body;
        }
        view.comment_busy = true;
        view.comment_error.clear();
        HttpRequest request = api_request(state, "POST", ticket_url(view.id, "/comments"), HttpReply::Comment, body);
        request.idempotency_key = view.comment_key;
        return {request};
    }
    std::vector<Effect> operator()(const TicketCommand& a) {
        if (view.busy_command || view.id.empty() || !changes_status(a.action)) return {};
        view.busy_command = a.action;
        view.command_error.clear();
        return {api_request(state, "POST", ticket_url(view.id, "/" + std::string(to_string(a.action))), HttpReply::Command,
                            "{}")};
    }
    std::vector<Effect> operator()(const OpenEscalate&) {
        view.escalate = EscalateDialog{};
        view.escalate.open = true;
        view.escalate.idempotency_key = next_idempotency_key(state);
        return {};
    }
    std::vector<Effect> operator()(const CloseEscalate&) {
        if (!view.escalate.busy) view.escalate.open = false;
        return {};
    }
    std::vector<Effect> operator()(const EditEscalate& a) {
        if (a.severity != view.escalate.severity) view.escalate.field_errors.erase("severity");
        if (a.reason != view.escalate.reason) view.escalate.field_errors.erase("reason");
        view.escalate.severity = a.severity;
        view.escalate.reason = a.reason;
        return {};
    }
    std::vector<Effect> operator()(const SubmitEscalate&) {
        EscalateDialog& d = view.escalate;
        if (d.busy || !view.details) return {};
        d.field_errors.clear();
        d.error.clear();
        // The same rules the service applies, said before the round trip.
        if (std::string problem =
                escalation_severity_problem(state.program, view.id, view.details->ticket.severity, d.severity);
            !problem.empty())
            d.field_errors["severity"] = problem;
        if (std::string problem =
                written_text_problem(d.reason, "Say why it is more urgent now: what changed, who is affected.");
            !problem.empty())
            d.field_errors["reason"] = problem;
        if (!d.field_errors.empty()) return {};
        d.busy = true;
        const std::string body = nlohmann::json{{"severity", d.severity}, {"reason", d.reason}}.dump();
        HttpRequest request = api_request(state, "POST", ticket_url(view.id, "/escalate"), HttpReply::Escalate, body);
        request.idempotency_key = d.idempotency_key;
        return {request};
    }

    std::vector<Effect> operator()(const Answered<HttpReply::TicketDetails>& a) {
        return answered(a, &TicketVisitor::details_answered);
    }
    std::vector<Effect> operator()(const AttachToTicket&) {
        if (view.id.empty()) return {};
        view.attach_error.clear();
        return {PickFile{FilePurpose::Attachment}};
    }
    std::vector<Effect> operator()(const DownloadAttachment& a) {
        // Only the service's own attachment paths: the page never fetches elsewhere for a file.
        if (!a.url.starts_with("/api/v1/tickets/") || a.url.find("/attachments/") == std::string::npos) return {};
        return {DownloadUrl{a.url, a.file_name}};
    }
    std::vector<Effect> operator()(const Answered<HttpReply::Attachment>& a) {
        auto it = state.uploads.find(a.generation);
        if (it == state.uploads.end()) return {};
        const PendingUpload upload = std::move(it->second);
        state.uploads.erase(it);
        const bool shown = std::holds_alternative<TicketScreen>(state.screen) && view.id == upload.ticket_id;
        if (a.status == 401) return session_ended(state);
        const std::string file = name_in_quotes(upload.file_name);
        if (a.status != 201 && a.status != 200) {
            const std::string why = problem_text(a, "attach the file");
            if (shown) view.attach_error = file + " was not attached: " + why;
            else state.notice = file + " was not attached to ticket " + upload.ticket_id + ": " + why;
            return {};
        }
        state.notice = "Attached " + file + " to ticket " + upload.ticket_id + ".";
        return shown ? fetch(state) : std::vector<Effect>{};
    }
    std::vector<Effect> operator()(const Answered<HttpReply::Comment>& a) {
        return answered(a, &TicketVisitor::comment_answered);
    }
    std::vector<Effect> operator()(const Answered<HttpReply::Command>& a) {
        return answered(a, &TicketVisitor::command_answered);
    }
    std::vector<Effect> operator()(const Answered<HttpReply::Escalate>& a) {
        return answered(a, &TicketVisitor::escalate_answered);
    }

    // Any of them answered 401: the session is over, nothing is busy any more.
    std::vector<Effect> answered(const HttpAnswer& a, std::vector<Effect> (TicketVisitor::*handle)(const HttpAnswer&)) {
        if (a.status != 401) return (this->*handle)(a);
        view.loading = view.comment_busy = view.escalate.busy = false;
        view.busy_command.reset();
        return session_ended(state);
    }
    std::vector<Effect> details_answered(const HttpAnswer& a) {
        view.loading = false;
        if (a.status == 404) {
            view.details.reset();
            view.error = "There is no ticket " + view.id + " that you can see.";
            return {};
        }
        if (a.status != 200) {
            view.error = problem_text(a, "show the ticket");
            return {};
        }
        std::vector<Effect> effects;
        if (!take_details(state, a, effects)) view.error = "The service sent a ticket the portal cannot read.";
        return effects;
    }
    std::vector<Effect> comment_answered(const HttpAnswer& a) {
        view.comment_busy = false;
        if (a.status != 200 && a.status != 201) {
            view.comment_error = problem_text(a, "add the reply");   // the text stays in the box
            if (a.status != 0) view.comment_key.clear();
            return {};
        }
        view.comment.clear();
        view.comment_key.clear();
        std::vector<Effect> effects;
        if (!take_details(state, a, effects)) return fetch(state);
        return effects;
    }
    std::vector<Effect> command_answered(const HttpAnswer& a) {
        const std::optional<TicketAction> command = view.busy_command;
        view.busy_command.reset();
        if (a.status != 200) {
            view.command_error = problem_text(a, "change the ticket");
            return {};
        }
        if (command == TicketAction::Confirm) state.notice = "Thank you. Ticket " + view.id + " is closed.";
        std::vector<Effect> effects;
        if (!take_details(state, a, effects)) return fetch(state);
        return effects;
    }
    std::vector<Effect> escalate_answered(const HttpAnswer& a) {
        EscalateDialog& d = view.escalate;
        d.busy = false;
        if (a.status != 200 && a.status != 201) {
            Problem problem = parse_problem(a.body, a.status);
            d.field_errors = std::move(problem.field_errors);
            d.error = problem_text(a, "file the escalation");
            return {};
        }
        const std::string id = ticket_id_of(a.body);
        d = EscalateDialog{};
        if (id.empty()) return fetch(state);
        state.notice = "Ticket " + id + " filed at the higher severity; it references " + view.id + ".";
        return (*this)(OpenTicket{id});
    }
};

}  // namespace

std::vector<Effect> update_ticket(State& state, const Action& action) {
    return std::visit(TicketVisitor{state}, action);
}

std::vector<Effect> upload_attachments(State& state, const std::string& ticket_id, const std::vector<HeldFile>& files) {
    std::vector<Effect> effects;
    for (const HeldFile& file : files) {
        if (file.bytes > state.program.attachments.max_bytes()) {
            state.notice = name_in_quotes(file.name) + " is " + size_text(file.bytes) + "; a file on a ticket is at most " +
                           std::to_string(state.program.attachments.max_megabytes) + " MB. It was not attached.";
            continue;
        }
        UploadFile upload;
        upload.url = ticket_url(ticket_id, "/attachments");
        upload.file_id = file.id;
        upload.file_name = file.name;
        if (state.account) upload.csrf_token = state.account->csrf_token;
        upload.idempotency_key = next_idempotency_key(state);
        upload.generation = ++state.upload_counter;
        state.uploads[upload.generation] = {ticket_id, file.name};
        effects.push_back(std::move(upload));
    }
    return effects;
}

int uploads_to(const State& state, const std::string& ticket_id) {
    int count = 0;
    for (const auto& [generation, upload] : state.uploads) count += upload.ticket_id == ticket_id;
    return count;
}

std::vector<Effect> enter_ticket_screen(State& state, const std::string& id) {
    if (state.ticket.id != id) state.ticket = TicketView{};   // another ticket: its own reply box
    state.ticket.id = id;
    return fetch(state);
}

}  // namespace core
