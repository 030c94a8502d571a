#include "core/sla/severity_change.hpp"

namespace core {

bool can_escalate(int current) { return current > 1; }

bool can_lower(const Program& program, int current) { return current < program.least_urgent_severity(); }

std::string escalation_severity_problem(const Program& program, std::string_view ticket_id, int current, int chosen) {
    const std::string id(ticket_id);
    if (!can_escalate(current)) return id + " is at Severity 1 already, the most urgent.";
    if (chosen >= 1 && chosen < current && program.find_severity(chosen)) return {};
    return "Choose a severity more urgent than " + id + "'s Severity " + std::to_string(current) + ": from 1 to " +
           std::to_string(current - 1) + ".";
}

std::string lowering_severity_problem(const Program& program, std::string_view ticket_id, int current, int chosen) {
    if (!program.find_severity(chosen)) return "Choose a severity from " + program.severity_range_text() + ".";
    if (chosen >= current) return {};
    const std::string id(ticket_id);
    return "Severity cannot be raised on an existing ticket: " + id + " stays at Severity " + std::to_string(current) +
           ". To make it more urgent, escalate instead: POST /api/v1/tickets/" + id +
           "/escalate files a new ticket at the higher severity that references this one.";
}

}  // namespace core
