// A ticket's first response against its plan's promise: the terms of its plan
// and severity (response_terms), counted in those terms' hours in the
// customer's zone (BusinessCalendar), read at `now` (sla_status). The chain is
// put together here only; the portal's badge, the service's ticket answers,
// the demo data and the CLI all go through it.
#pragma once

#include "core/sla/response_terms.hpp"
#include "core/sla/sla_status.hpp"

#include <optional>

namespace core {

// The hours the terms are counted in, in `zone`; nullopt without a target
// (no SLA) or without the zone.
std::optional<BusinessCalendar> response_calendar(const ResponseTerms& terms, const core::TimeZone* zone);

// The business time the terms allow for the first response; zero without a target.
std::chrono::seconds response_allowance(const ResponseTerms& terms);

// nullopt without a target, or when `calendar` (the terms' hours, from
// response_calendar or a cache of it) never opens.
std::optional<SlaStatus> response_status(const ResponseTerms& terms, const BusinessCalendar& calendar, Instant opened,
                                         std::optional<Instant> first_response, Instant now);

// When the first response is due for a ticket opened at `opened`.
std::optional<Instant> response_deadline(const ResponseTerms& terms, const BusinessCalendar& calendar, Instant opened);

}  // namespace core
