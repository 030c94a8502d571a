// One ticket: loading it, the comment thread, the customer confirming or
// reopening a solved ticket, support marking it solved, and escalation to a
// new, more urgent ticket. The ticket half of update().
#pragma once

#include "core/app.hpp"

namespace core {

using TicketActions = Handles<OpenTicket, EditComment, SendComment, TicketCommand, OpenEscalate, CloseEscalate,
                              EditEscalate, SubmitEscalate, Answered<HttpReply::TicketDetails>,
                              Answered<HttpReply::Comment>, Answered<HttpReply::Command>,
                              Answered<HttpReply::Escalate>>;
std::vector<Effect> update_ticket(State& state, const Action& action);
// Entering #/tickets/<id>: fetch it (again: the thread may have grown).
std::vector<Effect> enter_ticket_screen(State& state, const std::string& id);

// Words for a ticket's status: "Open", "Solved, awaiting confirmation", "Closed".

}  // namespace core
