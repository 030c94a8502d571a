#include "web/tickets/ticket_change_routes.hpp"

#include "core/checks/free_text.hpp"
#include "core/sla/severity_change.hpp"

#include "web/http/conditional_request.hpp"
#include "web/http/idempotent_post.hpp"
#include "web/http/json_response.hpp"
#include "web/http/problem.hpp"
#include "web/store/sqlite_statement.hpp"
#include "web/tickets/ticket_comments.hpp"
#include "web/tickets/ticket_details.hpp"
#include "web/tickets/ticket_etag.hpp"
#include "web/tickets/ticket_filing.hpp"
#include "web/tickets/ticket_routes.hpp"
#include "web/tickets/ticket_validation.hpp"

#include "core/model/ticket_draft.hpp"

namespace web {

namespace {

constexpr IdempotentPurpose comment_purpose = {"comment", "post it twice"};
constexpr IdempotentPurpose escalation_purpose = {"escalation", "file the new ticket twice"};

std::string display_name(const Caller& caller) { return caller.name.value_or(caller.email); }

// A severity 1 to 4 in body[key], or nothing after adding why not to `problems`.
// One of the program's severity levels, or nothing after adding why not.
std::optional<int> severity_member(const core::Program& program, const nlohmann::json& body,
                                   std::vector<FieldProblem>& problems) {
    auto it = body.find("severity");
    if (it == body.end() || !it->is_number_integer() || *it < 1 || *it > program.least_urgent_severity()) {
        problems.push_back({"severity", "Choose a severity from " + program.severity_range_text() + "."});
        return std::nullopt;
    }
    return it->get<int>();
}

// A text member that says something (core::written_text_problem, the rule
// the portal checks too), or nothing after adding why not.
std::optional<std::string> text_member(const nlohmann::json& body, const char* key, std::vector<FieldProblem>& problems) {
    std::optional<std::string> text = string_member(body, key);
    std::string problem = text ? core::written_text_problem(*text, "Write something first.") : "Write something first.";
    if (!problem.empty()) {
        problems.push_back({key, problem});
        return std::nullopt;
    }
    return text;
}

StoredAnswer refused(const ActionRefusal& refusal) { return {"", refusal.status, problem_body(refusal.status, refusal.detail)}; }

}  // namespace

void TicketChangeRoutes::add_to(ApiRouter& router) {
    const std::string ticket = "/api/v1/tickets/{id}";
    router.add("POST", ticket + "/comments", Access::SignedIn, [this](ApiCall& call) { comment(call); });
    router.add("POST", ticket + "/solve", Access::SignedIn,
               [this](ApiCall& call) { move(call, TicketAction::Solve, core::TicketStatus::Solved, TicketEventType::Solved); });
    router.add("POST", ticket + "/confirm", Access::SignedIn,
               [this](ApiCall& call) { move(call, TicketAction::Confirm, core::TicketStatus::Closed, TicketEventType::Confirmed); });
    router.add("POST", ticket + "/reopen", Access::SignedIn,
               [this](ApiCall& call) { move(call, TicketAction::Reopen, core::TicketStatus::Open, TicketEventType::Reopened); });
    router.add("PATCH", ticket, Access::SignedIn, [this](ApiCall& call) { change_severity(call); });
    router.add("POST", ticket + "/escalate", Access::SignedIn, [this](ApiCall& call) { escalate(call); });
}

void TicketChangeRoutes::change_ticket(ApiCall& call, TicketAction action, TicketEventType type, const Change& change) {
    std::optional<VisibleTicket> visible = visible_ticket(call, store_);
    if (!visible) return;
    const TicketParty party = visible->party;
    std::string etag;
    StoredAnswer answer = database_.with_connection([&](sqlite3* connection) {
        Transaction transaction(connection);
        TicketRows rows(connection);
        // Read again under the write lock: another request may have moved it since.
        std::optional<TicketRecord> ticket = rows.find(visible->ticket.id);
        if (!ticket) throw DatabaseError("ticket " + visible->ticket.id + " went away");   // tickets are never deleted
        if (ActionRefusal refusal = refusal_now(call, connection, action, *ticket, party)) return refused(refusal);
        EventOfChange event{type, {.actor = actor_of(*call.caller, party)}};
        if (ActionRefusal refusal = change(connection, *ticket, event)) return refused(refusal);
        if (event.happened) events_.record(connection, ticket->id, event.type, event.facts, call.now);
        nlohmann::ordered_json details = ticket_details(connection, *rows.find(ticket->id), party, program_, zones_, call.now);
        etag = ticket_etag(details);
        StoredAnswer changed{"", 200, json_text(details)};
        transaction.commit();
        return changed;
    });
    send_kept_answer(call.response, answer);
    if (answer.status == 200) {
        call.response.set_header("ETag", etag);
        events_.committed();
    }
}

ActionRefusal TicketChangeRoutes::refusal_now(ApiCall& call, sqlite3* connection, TicketAction action, const TicketRecord& ticket,
                                              const TicketParty& party) {
    ActionRefusal refusal = web::refusal(action, ticket, party);
    // Not theirs to do is said first; a stale copy before the ticket's state,
    // since the change they have not seen may be what makes the action wrong.
    if (refusal.status == 403) return refusal;
    auto current = [&] { return ticket_etag(ticket_details(connection, ticket, party, program_, zones_, call.now)); };
    if (!if_match_allows(call.request, current))
        return {412, changed_since_read("Ticket " + ticket.id, "/api/v1/tickets/" + ticket.id)};
    return refusal;
}

void TicketChangeRoutes::move(ApiCall& call, TicketAction action, core::TicketStatus status, TicketEventType type) {
    change_ticket(call, action, type, [&](sqlite3* connection, const TicketRecord& ticket, EventOfChange&) {
        TicketRows(connection).set_status(ticket.id, status, call.now);
        TicketComments(connection).add(ticket.id, std::nullopt, "automated", status_note(action, display_name(*call.caller)), call.now);
        return ActionRefusal{};
    });
}

void TicketChangeRoutes::change_severity(ApiCall& call) {
    std::optional<nlohmann::json> body = json_object_body(call.request, call.response);
    if (!body) return;
    std::vector<FieldProblem> problems;
    std::optional<int> severity = severity_member(program_, *body, problems);
    if (!severity) {
        // Whether the ticket exists comes first, as for reading it.
        if (visible_ticket(call, store_)) send_field_problem_list(call.response, 422, problems.front().message, problems);
        return;
    }
    change_ticket(call, TicketAction::LowerSeverity, TicketEventType::SeverityChanged,
                  [&](sqlite3* connection, const TicketRecord& ticket, EventOfChange& event) -> ActionRefusal {
        if (std::string problem = core::lowering_severity_problem(program_, ticket.id, ticket.severity, *severity);
            !problem.empty())
            return {409, problem};
        event.happened = *severity > ticket.severity;
        event.facts.previous_severity = ticket.severity;
        if (event.happened) TicketRows(connection).set_severity(ticket.id, *severity);
        return {};
    });
}

void TicketChangeRoutes::comment(ApiCall& call) {
    std::optional<VisibleTicket> visible = visible_ticket(call, store_);
    if (!visible) return;
    std::optional<IdempotentPost> post = begin_idempotent_post(call, database_, comment_purpose);
    if (!post) return;
    std::vector<FieldProblem> problems;
    std::optional<std::string> text = text_member(post->body, "body", problems);
    if (!text) {
        send_field_problem_list(call.response, 422, problems.front().message, problems);
        return;
    }
    const TicketParty party = visible->party;
    if (ActionRefusal refusal = web::refusal(TicketAction::Comment, visible->ticket, party)) {
        send_problem(call.response, refusal.status, refusal.detail);
        return;
    }
    // The customer's voice when they are one; a support engineer's otherwise.
    const std::string kind = party.customer ? "customer" : "support";
    std::string etag;
    bool commented = answer_idempotent_post(call, database_, *post, comment_purpose, [&](sqlite3* connection) {
        TicketRows rows(connection);
        std::optional<TicketRecord> ticket = rows.find(visible->ticket.id);
        if (!ticket) throw DatabaseError("ticket " + visible->ticket.id + " went away");
        if (ActionRefusal refusal = refusal_now(call, connection, TicketAction::Comment, *ticket, party)) return refused(refusal);
        const int64_t comment = TicketComments(connection).add(ticket->id, call.caller->user_id, kind, *text, call.now);
        if (kind == "support") rows.record_first_response(ticket->id, call.now);
        events_.record(connection, ticket->id, TicketEventType::Commented,
                       {.actor = actor_of(*call.caller, party), .comment = EventComment{comment, kind, *text}}, call.now);
        nlohmann::ordered_json details = ticket_details(connection, *rows.find(ticket->id), party, program_, zones_, call.now);
        etag = ticket_etag(details);
        return StoredAnswer{"", 201, json_text(details)};
    });
    if (commented && call.response.status == 201) {
        call.response.set_header("ETag", etag);
        events_.committed();
    }
}

void TicketChangeRoutes::escalate(ApiCall& call) {
    std::optional<VisibleTicket> visible = visible_ticket(call, store_);
    if (!visible) return;
    const TicketRecord& original = visible->ticket;
    const TicketParty party = visible->party;
    std::optional<IdempotentPost> post = begin_idempotent_post(call, database_, escalation_purpose);
    if (!post) return;
    if (ActionRefusal refusal = web::refusal(TicketAction::Escalate, original, party)) {
        send_problem(call.response, refusal.status, refusal.detail);
        return;
    }

    std::vector<FieldProblem> problems;
    std::optional<int> severity = severity_member(program_, post->body, problems);
    if (severity)
        if (std::string problem = core::escalation_severity_problem(program_, original.id, original.severity, *severity);
            !problem.empty())
            problems.push_back({"severity", problem});
    std::optional<std::string> reason = text_member(post->body, "reason", problems);
    // The new ticket is checked like any other, under the tenant's plan as it is now.
    core::TicketDraft draft;
    draft.tenant = original.tenant;
    draft.route = original.route;
    draft.severity = severity.value_or(original.severity);
    draft.customer_time_zone = original.customer_time_zone;
    draft.escalates = original.id;
    draft.fields = original.fields;
    draft.answers = original.answers;
    draft.checklist = original.checklist;
    const std::string& plan = call.caller->membership_in(original.tenant)->tenant.plan;   // a customer's: checked above
    if (problems.empty()) problems = ticket_draft_problems(program_, draft, plan, zones_, call.now);
    if (!problems.empty()) {
        send_field_problem_list(call.response, 422, problems_detail(problems, "escalation"), problems);
        return;
    }

    TicketRecord ticket = original;
    ticket.id.clear();
    ticket.plan = plan;
    ticket.severity = *severity;
    ticket.opened_at = call.now;
    ticket.first_response_at.reset();
    ticket.status = core::TicketStatus::Open;
    ticket.opened_by = call.caller->user_id;
    ticket.escalates = original.id;
    std::string etag;   // of the new ticket
    bool escalated = answer_idempotent_post(call, database_, *post, escalation_purpose, [&](sqlite3* connection) {
        std::optional<TicketRecord> now_original = TicketRows(connection).find(original.id);
        if (!now_original) throw DatabaseError("ticket " + original.id + " went away");
        if (ActionRefusal refusal = refusal_now(call, connection, TicketAction::Escalate, *now_original, party)) return refused(refusal);
        file_ticket(connection, ticket, program_, reason);
        const EventActor actor = actor_of(*call.caller, party);
        events_.record(connection, ticket.id, TicketEventType::Filed, {.actor = actor}, call.now);
        events_.record(connection, original.id, TicketEventType::Escalated, {.actor = actor, .escalated_by = ticket.id}, call.now);
        nlohmann::ordered_json details = ticket_details(connection, ticket, party, program_, zones_, call.now);
        etag = ticket_etag(details);
        return StoredAnswer{"", 201, json_text(details)};
    });
    if (escalated && call.response.status == 201) {
        call.response.set_header("ETag", etag);
        events_.committed();
    }
}

}  // namespace web
