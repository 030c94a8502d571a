#include "web/tickets/ticket_events.hpp"

#include "web/accounts/account_json.hpp"
#include "web/accounts/secret_token.hpp"
#include "web/store/sqlite_statement.hpp"
#include "web/store/unix_time.hpp"
#include "web/tickets/ticket_json.hpp"
#include "web/tickets/ticket_store.hpp"

namespace web {

std::string_view to_string(TicketEventType type) {
    switch (type) {
        case TicketEventType::Filed: return "ticket.filed";
        case TicketEventType::Commented: return "ticket.commented";
        case TicketEventType::Solved: return "ticket.solved";
        case TicketEventType::Confirmed: return "ticket.confirmed";
        case TicketEventType::Reopened: return "ticket.reopened";
        case TicketEventType::Escalated: return "ticket.escalated";
        case TicketEventType::SeverityChanged: return "ticket.severity_changed";
        case TicketEventType::AttachmentAdded: return "ticket.attachment_added";
    }
    return "ticket.unknown";
}

EventActor actor_of(const Caller& caller, const TicketParty& party) {
    return EventActor{caller.email, caller.name, party.customer ? "customer" : "support"};
}

int64_t TicketEvents::record(sqlite3* connection, const std::string& ticket_id, TicketEventType type,
                             const TicketEventFacts& facts, core::Instant now) {
    std::optional<TicketRecord> ticket = TicketRows(connection).find(ticket_id);
    if (!ticket) throw DatabaseError("an event for ticket " + ticket_id + ", which does not exist");

    Statement insert(connection, "INSERT INTO ticket_events(ticket_id, type, at, payload) VALUES(?1, ?2, ?3, '')");
    insert.bind(1, ticket_id).bind(2, to_string(type)).bind(3, now).run();
    const int64_t id = last_insert_id(connection);

    nlohmann::ordered_json payload;
    payload["id"] = id;
    payload["type"] = to_string(type);
    payload["occurred_at"] = utc_text(now);
    payload["ticket"] = ticket_json(*ticket, program_, zones_, now);
    payload["url"] = portal_page(address_.url, "#/tickets/" + ticket_id);
    if (facts.actor) {
        nlohmann::ordered_json actor = person_json(facts.actor->email, facts.actor->name);
        actor["kind"] = facts.actor->kind;
        payload["actor"] = std::move(actor);
    } else {
        payload["actor"] = nullptr;
    }
    if (facts.comment) {
        nlohmann::ordered_json comment;
        comment["id"] = facts.comment->id;
        comment["author_kind"] = facts.comment->author_kind;
        comment["body"] = facts.comment->body;
        comment["created_at"] = utc_text(now);
        payload["comment"] = std::move(comment);
    }
    if (type == TicketEventType::Filed && ticket->escalates) payload["escalates"] = *ticket->escalates;
    if (facts.escalated_by) payload["escalated_by"] = *facts.escalated_by;
    if (facts.previous_severity) payload["previous_severity"] = *facts.previous_severity;
    if (facts.attachment)
        payload["attachment"] = {{"id", facts.attachment->id},
                                 {"file_name", facts.attachment->file_name},
                                 {"kind", facts.attachment->kind},
                                 {"size", facts.attachment->size},
                                 {"url", attachment_path(ticket_id, facts.attachment->id)}};

    Statement fill(connection, "UPDATE ticket_events SET payload = ?2 WHERE id = ?1");
    fill.bind(1, id).bind(2, payload.dump()).run();

    // One delivery per webhook in use, each with its own key for the receiver to spot a retry by.
    std::vector<int64_t> webhooks;
    Statement in_use(connection, "SELECT id FROM webhooks WHERE removed_at IS NULL ORDER BY id");
    while (in_use.step()) webhooks.push_back(in_use.integer(0));
    Statement queue(connection,
                    "INSERT INTO webhook_deliveries(delivery_key, webhook_id, event_id, ticket_id, next_attempt_at)"
                    " VALUES(?1, ?2, ?3, ?4, ?5)");
    for (int64_t webhook : webhooks) {
        queue.bind(1, random_hex(16)).bind(2, webhook).bind(3, id).bind(4, ticket_id).bind(5, now).run();
        queue.reset();
    }
    return id;
}

}  // namespace web
