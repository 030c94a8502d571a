// The ticket endpoints (web/openapi.yaml), for signed-in users:
//   GET  /api/v1/tickets?limit=N&cursor=C&tenant=T   newest opened first, a page at a time
//   POST /api/v1/tickets                             file a ticket (Idempotency-Key required)
//   GET  /api/v1/tickets/{id}                        one ticket with its conversation
// Each ticket carries its SLA at the moment of the request; the list also
// says what that moment was ("now"), so a client can count down from it.
// Admins and support-only users see the tickets of their tenants and file
// tickets for them; a ticket of another tenant is "not found", exactly like
// one that does not exist. Support engineers see every ticket and file none.
// Changes to a ticket are ticket_change_routes'.
#pragma once

#include "web/http/api_router.hpp"
#include "web/store/database.hpp"
#include "web/http/test_fault.hpp"
#include "web/tickets/ticket_actions.hpp"
#include "web/tickets/ticket_events.hpp"
#include "web/tickets/ticket_store.hpp"
#include "web/store/time_zones.hpp"

#include "core/program/program.hpp"

#include <httplib.h>

#include <optional>
#include <string>
#include <vector>

namespace web {

class TicketRoutes {
public:
    // `program` and `zones` must outlive the routes. `fault` is test-only:
    // exit_after_ticket_stored ends the process once a new ticket is committed.
    TicketRoutes(Database& database, const core::Program& program, TimeZones& zones, TicketEvents& events,
                 TestFault fault = TestFault::none);

    void add_to(ApiRouter& router);

private:
    void list(ApiCall& call);
    void create(ApiCall& call);
    void details(ApiCall& call);

    Database& database_;
    TicketStore store_;
    const core::Program& program_;
    TimeZones& zones_;
    TicketEvents& events_;
    TestFault fault_;
};

// The tenants whose tickets the caller sees; nothing for all of them.
std::optional<std::vector<std::string>> visible_tenants(const Caller& caller);

struct VisibleTicket {
    TicketRecord ticket;
    TicketParty party;
};

// The ticket named by the path's {id} with who the caller is to it, or
// nothing after answering 404 (not there, or not the caller's to see) or 500.
std::optional<VisibleTicket> visible_ticket(ApiCall& call, TicketStore& store);

}  // namespace web
