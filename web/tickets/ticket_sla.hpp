// A stored ticket against its plan's response target, at `now`: core's
// response_terms, BusinessCalendar and sla_status put together. The service
// reads the clock and passes `now`, as core asks.
#pragma once

#include "web/tickets/ticket_store.hpp"

#include "core/program/program.hpp"
#include "core/sla/sla_status.hpp"

#include <optional>

namespace web {

struct TicketSla {
    const core::ResponseTarget* target = nullptr;   // from the program: outlives this
    core::SlaStatus status;
};

// nullopt when there is no SLA to report: the plan has no target for the
// severity (plan "none"), the plan or zone is unknown (the program or the
// system's zoneinfo changed since the ticket was stored), or the schedule
// never opens.
std::optional<TicketSla> ticket_sla(const core::Program& program, const TicketRecord& ticket, const core::TimeZone* zone,
                                    core::Instant now);

}  // namespace web
