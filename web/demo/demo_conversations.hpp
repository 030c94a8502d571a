// Conversations on the demo set (--demo), added once, when the demo tickets
// are: each ticket's automated acknowledgement; a support engineer's reply
// where the ticket was answered (at its first_response_at, so the SLA
// states stay as placed); a customer's follow-up on every third ticket,
// before any reply; and one answered ticket solved, awaiting the customer's
// confirmation. Replies come from the demo support engineer.
#pragma once

#include "web/store/database.hpp"

#include "core/program/program.hpp"
#include "core/sla/business_calendar.hpp"

#include <string>

namespace web {

// Returns empty or why it failed; `solved` is the id of the solved ticket
// (empty when no ticket of the set was answered).
std::string seed_demo_conversations(Database& database, const core::Program& program, core::Instant now, std::string& solved);

}  // namespace web
