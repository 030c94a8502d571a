// Changing an existing ticket's severity, the same rule for portal and
// service: a ticket may become less urgent in place; it becomes more urgent
// only by escalation, a new ticket at the higher severity that references it
// (its response target starts then, not when the old ticket was opened).
#pragma once

#include "core/program/program.hpp"

#include <string>
#include <string_view>

namespace core {

// Whether a more urgent severity exists (escalation is possible at all).
bool can_escalate(int current);
// Whether the program has a less urgent severity than `current`.
bool can_lower(const Program& program, int current);

// Why escalating `ticket_id`, now at `current`, to `chosen` (0: not chosen)
// is refused; empty when it may go ahead.
std::string escalation_severity_problem(const Program& program, std::string_view ticket_id, int current, int chosen);

// Why setting `ticket_id` from `current` to `chosen` in place is refused;
// empty when it may (the same level changes nothing).
std::string lowering_severity_problem(const Program& program, std::string_view ticket_id, int current, int chosen);

}  // namespace core
