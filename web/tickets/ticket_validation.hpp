// Whether a ticket may be filed as drafted: core's own checks (the same the
// portal runs as the customer types: route open to the plan, severity,
// every field by its kind) plus what only the service can know (that the
// customer's time zone exists here). Warnings (clock skew, say) do not stop
// a ticket; only blocking problems come back.
#pragma once

#include "web/http/problem.hpp"
#include "web/store/time_zones.hpp"

#include "core/program/program.hpp"
#include "core/model/ticket_draft.hpp"
#include "core/sla/business_calendar.hpp"

#include <string>
#include <vector>

namespace web {

// `plan` is the tenant's, never the client's.
std::vector<FieldProblem> ticket_draft_problems(const core::Program& program, const core::TicketDraft& draft,
                                                const std::string& plan, TimeZones& zones, core::Instant now);

// The detail of a 422 with these problems: the one message, or how many.
std::string problems_detail(const std::vector<FieldProblem>& problems, const std::string& what);

}  // namespace web
