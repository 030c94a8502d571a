// Where a ticket stands against its response target at `now`: running, at
// risk, paused outside hours, breached, or met. Business time throughout; the
// caller passes `now` (core never reads the clock).
#pragma once

#include "business_calendar.hpp"

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

std::string_view to_string(SlaState state);   // "running", "at_risk", ...

// "3h 12m", "12m 05s", "45s", "2h": business durations as people read them.
std::string format_duration(std::chrono::seconds duration);

}  // namespace core
