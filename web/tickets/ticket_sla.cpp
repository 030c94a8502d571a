#include "web/tickets/ticket_sla.hpp"

#include "core/sla/business_calendar.hpp"
#include "core/sla/response_terms.hpp"

namespace web {

std::optional<TicketSla> ticket_sla(const core::Program& program, const TicketRecord& ticket, const date::time_zone* zone,
                                    core::Instant now) {
    if (!zone) return std::nullopt;
    core::ResponseTermsResult terms = core::response_terms(program, ticket.plan, ticket.severity);
    if (!terms || !terms.terms.target) return std::nullopt;
    const core::BusinessCalendar calendar(zone, *terms.terms.schedule);
    std::optional<core::Instant> first_response;
    if (ticket.first_response_at) first_response = instant_from_unix(*ticket.first_response_at);
    std::optional<core::SlaStatus> status =
        core::sla_status(calendar, std::chrono::minutes(terms.terms.target->minutes), instant_from_unix(ticket.opened_at),
                         first_response, now);
    if (!status) return std::nullopt;
    return TicketSla{terms.terms.target, *status};
}

}  // namespace web
