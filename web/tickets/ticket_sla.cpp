#include "web/tickets/ticket_sla.hpp"

#include "core/sla/response_status.hpp"

namespace web {

std::optional<TicketSla> ticket_sla(const core::Program& program, const TicketRecord& ticket, const core::TimeZone* zone,
                                    core::Instant now) {
    core::Parsed<core::ResponseTerms> terms = core::response_terms(program, ticket.plan, ticket.severity);
    if (!terms) return std::nullopt;
    std::optional<core::BusinessCalendar> calendar = core::response_calendar(*terms, zone);
    if (!calendar) return std::nullopt;
    std::optional<core::SlaStatus> status =
        core::response_status(*terms, *calendar, ticket.opened_at, ticket.first_response_at, now);
    if (!status) return std::nullopt;
    return TicketSla{terms->target, *status};
}

}  // namespace web
