// A support engineer's queue: every tenant's tickets, the one whose first
// response falls due soonest on top, so breached tickets lead, then those
// about to breach. Tickets with nothing due (answered, no response target,
// solved or closed, their zone not loaded yet) follow, oldest first.
// Filtered by tenant, plan, severity and status.
#pragma once

#include "core/model/ticket.hpp"

#include <optional>
#include <string>
#include <vector>

namespace core {

struct TicketQueueFilter {
    std::string tenant;                                       // empty: every tenant
    std::string plan;                                         // empty: every plan
    int severity = 0;                                         // 0: every severity
    std::optional<TicketStatus> status = TicketStatus::Open;  // nullopt: every status
    bool operator==(const TicketQueueFilter&) const = default;
};

bool matches(const Ticket& ticket, const TicketQueueFilter& filter);

// Indices into `tickets` of those the filter keeps, in queue order.
// `due[i]` is when tickets[i]'s first response falls due while it is still
// awaited, or nullopt when nothing is due.
std::vector<int> queue_order(const std::vector<Ticket>& tickets, const std::vector<std::optional<Instant>>& due,
                             const TicketQueueFilter& filter);

}  // namespace core
