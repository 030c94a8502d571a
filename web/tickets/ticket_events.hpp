// What happened to a ticket, as a fact kept for whoever must hear of it:
// one ticket_events row per change (migration 18), written in the change's
// own transaction so an event exists exactly when its change does, and at
// once one queued delivery per webhook in use (webhook_delivery sends
// them after the commit).
//
// The row's payload is the JSON a webhook receives (docs/webhooks.md):
//   {"id": 42, "type": "ticket.commented", "occurred_at": "...Z",
//    "ticket": {Ticket, as GET /api/v1/tickets lists it}, "url": "<portal>/#/tickets/T-1001",
//    "actor": {"email", "name", "kind": "customer" | "support"} | null,
//    "comment": {...} (ticket.commented), "escalates": "T-1001" (an escalation's ticket.filed),
//    "escalated_by": "T-1002" (ticket.escalated),
//    "previous_severity": 3 (ticket.severity_changed),
//    "attachment": {"id", "file_name", "kind", "size", "url"} (ticket.attachment_added; never the bytes)}
// It is built when the event happens, so a retry a day later still says
// what was true then.
#pragma once

#include "web/http/public_address.hpp"
#include "web/tickets/ticket_actions.hpp"
#include "web/store/time_zones.hpp"

#include "core/program/program.hpp"
#include "core/sla/business_calendar.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;

namespace web {

enum class TicketEventType { Filed, Commented, Solved, Confirmed, Reopened, Escalated, SeverityChanged, AttachmentAdded };
inline constexpr TicketEventType ticket_event_types[] = {
    TicketEventType::Filed,    TicketEventType::Commented, TicketEventType::Solved,          TicketEventType::Confirmed,
    TicketEventType::Reopened, TicketEventType::Escalated, TicketEventType::SeverityChanged, TicketEventType::AttachmentAdded};

std::string_view to_string(TicketEventType type);   // "ticket.filed", ...

// Who made the change; none for the service itself.
struct EventActor {
    std::string email;
    std::optional<std::string> name;
    std::string kind;                        // customer | support
};

// The caller as the event names them: the customer's voice when they are one.
EventActor actor_of(const Caller& caller, const TicketParty& party);

struct EventAttachment {
    std::string id, file_name, kind;
    int64_t size = 0;
};

struct EventComment {
    int64_t id = 0;
    std::string author_kind;                 // customer | support | automated
    std::string body;
};

// What an event says beyond the ticket as it now is.
struct TicketEventFacts {
    std::optional<EventActor> actor = std::nullopt;
    std::optional<EventComment> comment = std::nullopt;        // ticket.commented
    std::optional<std::string> escalated_by = std::nullopt;    // ticket.escalated: the new ticket
    std::optional<int> previous_severity = std::nullopt;       // ticket.severity_changed
    std::optional<EventAttachment> attachment = std::nullopt;  // ticket.attachment_added
};

class TicketEvents {
public:
    // `address`, `program` and `zones` must outlive this; `recorded` is
    // called after a commit that recorded events (it wakes the delivery).
    TicketEvents(const PublicAddress& address, const core::Program& program, TimeZones& zones, std::function<void()> recorded)
        : address_(address), program_(program), zones_(zones), recorded_(std::move(recorded)) {}

    // Inside the change's transaction, after the change: the event's id.
    // Throws DatabaseError (and rolls the change back with it).
    int64_t record(sqlite3* connection, const std::string& ticket_id, TicketEventType type, const TicketEventFacts& facts,
                   core::Instant now);

    // Once the transaction that recorded events has committed.
    void committed() const {
        if (recorded_) recorded_();
    }

private:
    const PublicAddress& address_;
    const core::Program& program_;
    TimeZones& zones_;
    std::function<void()> recorded_;
};

}  // namespace web
