// What a person can do to a ticket, named once: the service refuses or
// allows each (web/tickets/ticket_actions) and lists the allowed ones in the
// ticket's `allowed_actions`; the portal shows a button for each allowed one
// and, for the three that change its status, posts to /tickets/{id}/<name>.
#pragma once

#include <optional>
#include <string_view>

namespace core {

enum class TicketAction { Comment, Solve, Confirm, Reopen, LowerSeverity, Escalate };
inline constexpr TicketAction ticket_actions[] = {TicketAction::Comment, TicketAction::Solve,
                                                  TicketAction::Confirm, TicketAction::Reopen,
                                                  TicketAction::LowerSeverity, TicketAction::Escalate};

// "comment", "solve", "confirm", "reopen", "lower_severity", "escalate"
constexpr std::string_view to_string(TicketAction action) {
    switch (action) {
        case TicketAction::Comment: return "comment";
        case TicketAction::Solve: return "solve";
        case TicketAction::Confirm: return "confirm";
        case TicketAction::Reopen: return "reopen";
        case TicketAction::LowerSeverity: return "lower_severity";
        case TicketAction::Escalate: return "escalate";
    }
    return "";
}

constexpr std::optional<TicketAction> parse_ticket_action(std::string_view text) {
    for (TicketAction action : ticket_actions)
        if (text == to_string(action)) return action;
    return std::nullopt;
}

// Solve, Confirm and Reopen: the actions that are a status change of their own.
constexpr bool changes_status(TicketAction action) {
    return action == TicketAction::Solve || action == TicketAction::Confirm || action == TicketAction::Reopen;
}

}  // namespace core
