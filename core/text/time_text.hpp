// Instants as people read them in a given zone: "Mon 06:00",
// "Mon 30 Mar 2026, 09:00 CEST". English, 24-hour clock. A null zone means
// UTC (for callers whose zone's rules are not loaded yet).
#pragma once

#include "core/sla/business_calendar.hpp"

#include <optional>
#include <string>

namespace core {

// "Mon 06:00"; with the date when it is not within the coming week of `now`:
// "Mon 30 Mar, 06:00".
std::string format_weekday_time(Instant t, const core::TimeZone* zone, Instant now);
// The first instant after `now` at which format_weekday_time(t, zone, now)
// reads differently (the date appears or goes); nullopt when it never will.
std::optional<Instant> format_weekday_time_changes_at(Instant t, Instant now);
// "Mon 30 Mar 2026, 09:00 CEST"
std::string format_full(Instant t, const core::TimeZone* zone);

}  // namespace core
