#include "core/model/ticket_queue.hpp"

#include <algorithm>

namespace core {

bool matches(const Ticket& ticket, const TicketQueueFilter& filter) {
    return (filter.tenant.empty() || ticket.tenant == filter.tenant) && (filter.plan.empty() || ticket.plan == filter.plan) &&
           (filter.severity == 0 || ticket.severity == filter.severity) &&
           (!filter.status || ticket.status == *filter.status);
}

std::vector<int> queue_order(const std::vector<Ticket>& tickets, const std::vector<std::optional<Instant>>& due,
                             const TicketQueueFilter& filter) {
    std::vector<int> order;
    for (int i = 0; i < int(tickets.size()); ++i)
        if (matches(tickets[i], filter)) order.push_back(i);
    const auto due_of = [&](int i) { return size_t(i) < due.size() ? due[i] : std::nullopt; };
    // Ids are unique, so this order is total: std::sort is as stable as it needs to be.
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const std::optional<Instant> da = due_of(a), db = due_of(b);
        if (da.has_value() != db.has_value()) return da.has_value();   // something due comes first
        if (da && *da != *db) return *da < *db;
        if (tickets[a].opened_at != tickets[b].opened_at) return tickets[a].opened_at < tickets[b].opened_at;
        return tickets[a].id < tickets[b].id;
    });
    return order;
}

}  // namespace core
