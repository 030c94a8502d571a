#include "web/tickets/ticket_actions.hpp"

#include "core/sla/severity_change.hpp"

namespace web {

namespace {

constexpr TicketAction every_action[] = {TicketAction::Comment, TicketAction::Solve,         TicketAction::Confirm,
                                         TicketAction::Reopen,  TicketAction::LowerSeverity, TicketAction::Escalate};

ActionRefusal not_theirs(std::string detail) { return {403, std::move(detail)}; }
ActionRefusal not_now(std::string detail) { return {409, std::move(detail)}; }

ActionRefusal closed(const TicketRecord& ticket) {
    return not_now(ticket.id + " is closed: the customer confirmed the resolution. Open a new ticket for anything further.");
}

}  // namespace

bool is_customer(const MembershipRecord& membership) { return membership.role == core::Role::Admin || membership.role == core::Role::SupportOnly; }

TicketParty party_to(const Caller& caller, const TicketRecord& ticket) {
    TicketParty party;
    const MembershipRecord* membership = ticket.tenant.empty() ? nullptr : caller.membership_in(ticket.tenant);
    party.customer = membership && is_customer(*membership);
    party.support = caller.is_support_engineer();
    return party;
}

ActionRefusal refusal(TicketAction action, const TicketRecord& ticket, const TicketParty& party) {
    const bool open = ticket.status == core::TicketStatus::Open, solved = ticket.status == core::TicketStatus::Solved;
    switch (action) {
        case TicketAction::Comment:
            if (!party.sees()) return not_theirs("Only the customer and support engineers comment on " + ticket.id + ".");
            if (!open && !solved) return closed(ticket);
            return {};
        case TicketAction::Solve:
            if (!party.support) return not_theirs("Only support engineers mark a ticket solved; comment on " + ticket.id + " instead.");
            if (solved) return not_now(ticket.id + " is solved already and awaits the customer's confirmation.");
            if (!open) return closed(ticket);
            return {};
        case TicketAction::Confirm:
        case TicketAction::Reopen:
            if (!party.customer) return not_theirs("Only the customer confirms or reopens a solved ticket.");
            if (open)
                return not_now(ticket.id + " is open: support has not marked it solved yet, so there is nothing to " +
                               (action == TicketAction::Confirm ? "confirm." : "reopen."));
            if (!solved) return closed(ticket);
            return {};
        case TicketAction::LowerSeverity:
        case TicketAction::Escalate:
            if (!party.customer)
                return not_theirs(std::string("Only the customer ") +
                                  (action == TicketAction::Escalate ? "escalates a ticket." : "changes a ticket's severity."));
            if (!open && !solved) return closed(ticket);
            return {};
    }
    return not_theirs("Not allowed.");
}

std::string status_note(TicketAction action, const std::string& who) {
    switch (action) {
        case TicketAction::Solve:
            return who + " marked this ticket solved. If it is solved for you, confirm it to close the ticket; if not, reopen it.";
        case TicketAction::Confirm: return who + " confirmed the resolution; the ticket is closed.";
        case TicketAction::Reopen: return who + " reopened the ticket: it is not solved yet.";
        default: return who + " changed the ticket.";
    }
}

std::vector<std::string> allowed_actions(const core::Program& program, const TicketRecord& ticket,
                                         const TicketParty& party) {
    std::vector<std::string> actions;
    for (TicketAction action : every_action) {
        // Nothing less urgent or more urgent to go to: no request could pass.
        if (action == TicketAction::LowerSeverity && !core::can_lower(program, ticket.severity)) continue;
        if (action == TicketAction::Escalate && !core::can_escalate(ticket.severity)) continue;
        if (!refusal(action, ticket, party)) actions.emplace_back(to_string(action));
    }
    return actions;
}

}  // namespace web
