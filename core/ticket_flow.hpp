// One ticket: loading it, the comment thread, the customer confirming or
// reopening a solved ticket, support marking it solved, and escalation to a
// new, more urgent ticket. The ticket half of update().
#pragma once

#include "app.hpp"

namespace core {

bool is_ticket_action(const Action& action);
// Handles OpenTicket ... SubmitEscalate and the answers to their requests.
std::vector<Effect> update_ticket(State& state, const Action& action);
// Entering #/tickets/<id>: fetch it (again: the thread may have grown).
std::vector<Effect> enter_ticket_screen(State& state, const std::string& id);

// Words for a ticket's status: "Open", "Solved, awaiting confirmation", "Closed".
std::string status_text(std::string_view status);

}  // namespace core
