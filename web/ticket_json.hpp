// A ticket as the API sends it (the Ticket and Sla schemas in
// web/openapi.yaml): times in the customer's zone with its offset, and the
// SLA at `now` worked out by core. Keys keep the documented order.
#pragma once

#include "ticket_store.hpp"
#include "time_zones.hpp"

#include "core/business_calendar.hpp"
#include "core/program.hpp"

#include <nlohmann/json.hpp>

namespace web {

nlohmann::ordered_json ticket_json(const TicketRecord& ticket, const core::Program& program, TimeZones& zones,
                                   core::Instant now);

}  // namespace web
