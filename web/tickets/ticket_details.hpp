// One ticket as one caller sees it in detail: the body of
// GET /api/v1/tickets/{id}, which every change to a ticket answers with too,
// so the portal shows the ticket as it now is. Works on a connection,
// inside the caller's transaction when there is one.
#pragma once

#include "web/tickets/ticket_actions.hpp"
#include "web/tickets/ticket_store.hpp"
#include "web/store/time_zones.hpp"

#include "core/program/program.hpp"

#include <nlohmann/json.hpp>

struct sqlite3;

namespace web {

nlohmann::ordered_json ticket_details(sqlite3* connection, const TicketRecord& ticket, const TicketParty& party,
                                      const core::Program& program, TimeZones& zones, core::Instant now);

}  // namespace web
