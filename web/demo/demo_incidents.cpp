#include "web/demo/demo_incidents.hpp"

#include "web/status/incident_store.hpp"
#include "web/store/sqlite_statement.hpp"

namespace web {

std::string seed_demo_incidents(Database& database, core::Instant now, int64_t& added) {
    added = 0;
    try {
        database.with_connection([&](sqlite3* connection) {
            Transaction transaction(connection);   // two instances starting together add one incident
            IncidentStore incidents(connection);
            if (incidents.count() > 0) return;
            IncidentRecord incident;
            incident.region = "eu";
            incident.title = "Elevated sign-in latency and intermittent token endpoint errors";
            incident.impact = "degraded";
            incident.state = "investigating";
            incident.message =
                "We are investigating slower sign-ins and occasional 503 responses from the token endpoint for tenants in "
                "the EU region. Retries succeed in most cases. Next update within 30 minutes.";
            incident.started_at = now - std::chrono::hours(1);
            incident.updated_at = now - std::chrono::minutes(20);
            incidents.add(incident);
            transaction.commit();
            added = 1;
        });
    } catch (const DatabaseError& error) {
        return error.what();
    }
    return {};
}

}  // namespace web
