// The demo's service status (--demo): one open incident in the EU region,
// degraded and under investigation since an hour before the service
// started, so the portal's "we are already working on this" shows for EU
// customers; the other regions are operational. Added only when there are
// no incidents yet.
#pragma once

#include "web/store/database.hpp"

#include "core/sla/business_calendar.hpp"

#include <cstdint>
#include <string>

namespace web {

// Returns empty or why it failed; `added` is how many incidents went in (0 or 1).
std::string seed_demo_incidents(Database& database, core::Instant now, int64_t& added);

}  // namespace web
