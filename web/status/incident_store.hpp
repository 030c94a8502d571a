// Service incidents (migration 13), per region of the program: what
// GET /api/v1/status shows. Works on a connection handed out by
// Database::with_connection; SQLite failures throw DatabaseError.
#pragma once

#include "core/sla/business_calendar.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

struct sqlite3;

namespace web {

struct IncidentRecord {
    int64_t id = 0;                  // shown as "INC-<id>"
    std::string region;              // a region id of the program
    std::string title;
    std::string impact;              // degraded | outage, while it is open
    std::string state;               // investigating | identified | monitoring | resolved
    std::string message;             // the latest update
    core::Instant started_at{};
    core::Instant updated_at{};
};

// How long a resolved incident stays on the status page.
inline constexpr std::chrono::hours resolved_incident_shown_for{24};

class IncidentStore {
public:
    explicit IncidentStore(sqlite3* connection) : connection_(connection) {}

    // Open incidents and those resolved within resolved_incident_shown_for
    // of `now`, newest started first.
    std::vector<IncidentRecord> current(core::Instant now);
    int64_t add(const IncidentRecord& incident);   // returns its id
    int64_t count();

private:
    sqlite3* connection_;
};

}  // namespace web
