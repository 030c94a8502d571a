// Who may do what to a ticket. Customers (admins and support-only users of
// the ticket's tenant) comment, confirm or reopen a solved ticket, lower its
// severity and escalate it; support engineers comment and mark it solved.
// A ticket is closed only when the customer confirms (seed 000), and then
// nothing more happens to it. The routes refuse with this file's answers,
// and GET /api/v1/tickets/{id} lists the actions that would pass, so the
// two never disagree.
#pragma once

#include "web/accounts/caller.hpp"
#include "web/tickets/ticket_store.hpp"

#include "core/model/ticket_action.hpp"
#include "core/program/program.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace web {

struct TicketParty {
    bool customer = false;   // an admin or support-only member of the ticket's tenant
    bool support = false;    // a support engineer
    bool sees() const { return customer || support; }
};

TicketParty party_to(const Caller& caller, const TicketRecord& ticket);

// Whether the membership makes its user a customer of the tenant (admin or support-only).
bool is_customer(const MembershipRecord& membership);

using core::TicketAction;   // and core::to_string(TicketAction): the names in allowed_actions

// Why not: 403 (not this party's to do) or 409 (not in this state), with a
// detail that says so; status 0 when the action may go ahead.
struct ActionRefusal {
    int status = 0;
    std::string detail;
    explicit operator bool() const { return status != 0; }
};

ActionRefusal refusal(TicketAction action, const TicketRecord& ticket, const TicketParty& party);

// The automated note a change of status leaves in the thread, naming who
// made it: for Solve, Confirm and Reopen.
std::string status_note(TicketAction action, const std::string& who);

// The actions some request would get through with, in the order of
// TicketAction (no lowering below the program's least urgent severity, no
// escalating above 1).
std::vector<std::string> allowed_actions(const core::Program& program, const TicketRecord& ticket,
                                         const TicketParty& party);

}  // namespace web
