// A support ticket as the portal shows it, and the JSON mapping of the
// service's ticket list (GET /api/v1/tickets, web/openapi.yaml). The portal
// recomputes the SLA itself from plan, severity, opening time and the
// customer's zone, so a countdown stays live between requests.
#pragma once

#include "business_calendar.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct Ticket {
    std::string id;                        // "T-1001"
    std::string route;                     // "onboarding"
    std::string summary;
    std::string plan;                      // "standard"
    int severity = 3;
    Instant opened_at;
    std::string customer_time_zone;        // IANA, e.g. "Europe/Berlin"
    std::optional<Instant> first_response_at;   // a person's first response
    std::string status;                    // "open", ...
};

struct TicketPage {
    std::vector<Ticket> items;
    std::string next_cursor;               // empty on the last page
};

struct TicketPageResult {
    std::optional<TicketPage> page;
    std::string error;                     // names the bad field, e.g. "items[3].opened_at: ..."
    explicit operator bool() const { return page.has_value(); }
};

// Never throws; the service is not trusted to send what it promised.
TicketPageResult parse_ticket_page(std::string_view json_text);

}  // namespace core
