// Where a ticket stands (seed 000: a ticket is closed only when the customer
// confirms the solution), named once for the portal, the service and its
// database.
#pragma once

#include <optional>
#include <string_view>

namespace core {

enum class TicketStatus { Open, Solved, Closed };   // Solved: awaiting the customer's confirmation
inline constexpr TicketStatus ticket_statuses[] = {TicketStatus::Open, TicketStatus::Solved, TicketStatus::Closed};

// "open", "solved", "closed": the API's and the database's word.
constexpr std::string_view to_string(TicketStatus status) {
    switch (status) {
        case TicketStatus::Open: return "open";
        case TicketStatus::Solved: return "solved";
        case TicketStatus::Closed: return "closed";
    }
    return "open";
}

constexpr std::optional<TicketStatus> parse_ticket_status(std::string_view text) {
    for (TicketStatus status : ticket_statuses)
        if (text == to_string(status)) return status;
    return std::nullopt;
}

// As the ticket's page says it: "Open", "Solved, awaiting confirmation", "Closed".
constexpr std::string_view status_text(TicketStatus status) {
    switch (status) {
        case TicketStatus::Open: return "Open";
        case TicketStatus::Solved: return "Solved, awaiting confirmation";
        case TicketStatus::Closed: return "Closed";
    }
    return "Open";
}

}  // namespace core
