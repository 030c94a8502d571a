// Filing a ticket: the row, and at once the service's automated
// acknowledgement with the ticket's id and what the plan promises (seed 000:
// immediate acknowledgement). The acknowledgement is an automated reply, so
// the response clock keeps running (seed 001: only a person's answer counts).
// Used by POST /api/v1/tickets, by escalation, and by the demo data.
#pragma once

#include "web/tickets/ticket_store.hpp"

#include "core/program/program.hpp"

#include <optional>
#include <string>

struct sqlite3;

namespace web {

// "We received your request and filed it as ticket T-1234. ..."
std::string acknowledgement_text(const TicketRecord& ticket, const core::Program& program);

// Inserts `ticket` (giving it its id) and its acknowledgement, both at
// ticket.opened_at; `first_comment` (an escalation's reason) goes before
// the acknowledgement as the customer's, from ticket.opened_by. Inside the
// caller's transaction; throws DatabaseError.
void file_ticket(sqlite3* connection, TicketRecord& ticket, const core::Program& program,
                 const std::optional<std::string>& first_comment = std::nullopt);

}  // namespace web
