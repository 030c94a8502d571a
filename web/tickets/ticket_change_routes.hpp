// Changes to a ticket in its life (web/openapi.yaml), each answered with the
// ticket's details as they now are:
//   POST  /api/v1/tickets/{id}/comments  {"body"}            customer or support (Idempotency-Key)
//   POST  /api/v1/tickets/{id}/solve                          support: open -> solved
//   POST  /api/v1/tickets/{id}/confirm                        customer: solved -> closed
//   POST  /api/v1/tickets/{id}/reopen                         customer: solved -> open
//   PATCH /api/v1/tickets/{id}  {"severity"}                  customer: lower only (seed 002)
//   POST  /api/v1/tickets/{id}/escalate  {"severity", "reason"}  customer: a new, more urgent
//                                                             ticket referencing this one (Idempotency-Key)
// Each may carry If-Match with the ticket's ETag (ticket_etag): when the
// ticket has changed since, the answer is 412 and nothing changes; without
// it the change is made unconditionally. Successful answers carry the ETag
// of the ticket they send.
// Who may do what in which state is ticket_actions'. A ticket the caller
// does not see is a 404, as for reading it. A support engineer's first
// comment is the first response that stops the SLA clock; the customer's
// and the automated ones never do.
#pragma once

#include "web/http/api_router.hpp"
#include "web/store/database.hpp"
#include "web/tickets/ticket_actions.hpp"
#include "web/tickets/ticket_events.hpp"
#include "web/tickets/ticket_store.hpp"
#include "web/store/time_zones.hpp"

#include "core/program/program.hpp"

#include <functional>

struct sqlite3;

namespace web {

class TicketChangeRoutes {
public:
    // `program` and `zones` must outlive the routes.
    TicketChangeRoutes(Database& database, const core::Program& program, TimeZones& zones, TicketEvents& events)
        : database_(database), store_(database), program_(program), zones_(zones), events_(events) {}

    void add_to(ApiRouter& router);

private:
    void comment(ApiCall& call);
    void change_severity(ApiCall& call);
    void escalate(ApiCall& call);

    // Changes the ticket of the path in one transaction once `action`'s
    // checks pass (and `change`'s own: a refusal it returns is sent
    // instead), records the event `change` leaves in `event` (unless it
    // says nothing happened), then answers 200 with the ticket's details.
    struct EventOfChange {
        TicketEventType type;
        TicketEventFacts facts;
        bool happened = true;
    };
    using Change = std::function<ActionRefusal(sqlite3*, const TicketRecord&, EventOfChange& event)>;
    void change_ticket(ApiCall& call, TicketAction action, TicketEventType type, const Change& change);
    // Why `action` may not go ahead on `ticket` as it now is, in this order:
    // not the caller's to do (403), a stale If-Match (412), the ticket's state (409).
    ActionRefusal refusal_now(ApiCall& call, sqlite3* connection, TicketAction action, const TicketRecord& ticket,
                              const TicketParty& party);
    // open -> solved and the like, with an automated note in the thread.
    void move(ApiCall& call, TicketAction action, core::TicketStatus status, TicketEventType type);

    Database& database_;
    TicketStore store_;
    const core::Program& program_;
    TimeZones& zones_;
    TicketEvents& events_;
};

}  // namespace web
