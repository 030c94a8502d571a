#include "core/sla/response_status.hpp"

namespace core {

std::optional<BusinessCalendar> response_calendar(const ResponseTerms& terms, const core::TimeZone* zone) {
    if (!terms.target || !terms.schedule || !zone) return std::nullopt;
    return BusinessCalendar(zone, *terms.schedule);
}

std::chrono::seconds response_allowance(const ResponseTerms& terms) {
    return terms.target ? std::chrono::minutes(terms.target->minutes) : std::chrono::seconds(0);
}

std::optional<SlaStatus> response_status(const ResponseTerms& terms, const BusinessCalendar& calendar, Instant opened,
                                         std::optional<Instant> first_response, Instant now) {
    if (!terms.target) return std::nullopt;
    return sla_status(calendar, response_allowance(terms), opened, first_response, now);
}

std::optional<Instant> response_deadline(const ResponseTerms& terms, const BusinessCalendar& calendar, Instant opened) {
    if (!terms.target) return std::nullopt;
    return calendar.add(opened, response_allowance(terms));
}

}  // namespace core
