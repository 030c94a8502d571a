// Demo data (--demo, --demo-tickets N): tickets from the support desk of an
// identity platform, placed relative to `now`, in the demo tenants.
//
// The demo set is not a fixed list of times: for each ticket the SLA state it
// is meant to show (running, at risk, paused, breached, met, met late) is
// worked out with core's calendar at `now`, moving the ticket to another of
// the demo zones, or another severity or plan, when the hours at `now` do not
// allow it (a paused ticket needs a zone where it is night or weekend). So
// every state shows whatever the day and hour the service starts.
#pragma once

#include "web/tickets/ticket_store.hpp"
#include "web/store/time_zones.hpp"

#include "core/sla/business_calendar.hpp"
#include "core/program/program.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace web {

// About 20 tickets covering every plan, severity and SLA state, each state
// holding for at least ten minutes after `now`.
std::vector<TicketRecord> demo_tickets(const core::Program& program, TimeZones& zones, core::Instant now);

// How many tickets demo_tickets gives: they are T-1001 on, as seeded.
int demo_set_size();

// `count` tickets for load: plans, severities, zones and opening times in
// the 30 days before `now` drawn from a fixed seed, so runs are comparable.
std::vector<TicketRecord> synthetic_tickets(const core::Program& program, int count, core::Instant now);

// A tenant the demo tickets go to, and who opens them there (user ids).
struct DemoTicketTenant {
    std::string slug;
    std::vector<int64_t> openers;
};

// When the table has no tickets, adds the demo set and `synthetic_count`
// synthetic tickets in one transaction, dealt out to `tenants` in turn (none:
// tickets without a tenant). Returns empty or why it failed; `added` is how
// many tickets went in (0 when there were tickets already).
std::string seed_demo_tickets(TicketStore& store, const core::Program& program, TimeZones& zones, int synthetic_count,
                              core::Instant now, const std::vector<DemoTicketTenant>& tenants, int64_t& added);

}  // namespace web
