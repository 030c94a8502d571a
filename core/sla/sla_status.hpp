// Where a ticket stands against its response target at `now`: running, at
// risk, paused outside hours, breached, or met. Business time throughout; the
// caller passes `now` (core never reads the clock).
#pragma once

#include "core/sla/business_calendar.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace core {

enum class SlaState {
    Running,     // counting, comfortably within target
    AtRisk,      // counting, under a quarter of the target or under 30 minutes left
    Paused,      // outside the plan's hours; resumes at `resumes_at`
    Breached,    // no first response and the deadline has passed
    Met,         // first response at or before the deadline
    MetLate,     // first response after the deadline
};

struct SlaStatus {
    SlaState state = SlaState::Running;
    Instant deadline;
    std::chrono::seconds target{0};     // business time allowed
    std::chrono::seconds left{0};       // Running, AtRisk, Paused: business time left
    std::chrono::seconds late{0};       // Breached, MetLate: business time past the deadline
    std::chrono::seconds response{0};   // Met, MetLate: business time to the first response
    std::optional<Instant> resumes_at;  // Paused
};

// nullopt when the calendar never opens (no deadline can be computed).
std::optional<SlaStatus> sla_status(const BusinessCalendar& calendar, std::chrono::seconds target, Instant opened,
                                    std::optional<Instant> first_response, Instant now);

// The first instant after `now` at which the status reads differently as a
// badge words it: another state, or format_duration of the time left or late
// showing another value. Counted in business time, so a paused or closed
// calendar waits for the next opening. nullopt when it never changes (an
// answered ticket, a calendar that never opens again). A paused badge's
// "resumes Mon 06:00" is worded by its caller, who asks that text's own
// change (format_weekday_time_changes_at). Never later than the change;
// earlier only for a ticket opened after `now`.
std::optional<Instant> sla_words_change_at(const BusinessCalendar& calendar, const SlaStatus& status, Instant now);

std::string_view to_string(SlaState state);   // "running", "at_risk", ...

// "3h 12m", "12m 05s", "45s", "2h": business durations as people read them.
std::string format_duration(std::chrono::seconds duration);

}  // namespace core
