#include "web/status/status_routes.hpp"

#include "web/status/incident_store.hpp"
#include "web/http/response_body.hpp"

#include "core/model/service_status.hpp"

namespace web {

namespace {

core::IncidentState incident_state(const std::string& name) {
    for (core::IncidentState state : {core::IncidentState::Investigating, core::IncidentState::Identified,
                                      core::IncidentState::Monitoring, core::IncidentState::Resolved})
        if (core::to_string(state) == name) return state;
    return core::IncidentState::Investigating;   // the table's CHECK allows no other
}

}  // namespace

void StatusRoutes::add_to(ApiRouter& router) {
    router.add("GET", "/api/v1/status", Access::Anyone, [this](ApiCall& call) { status(call); });
}

void StatusRoutes::status(ApiCall& call) {
    std::vector<IncidentRecord> incidents =
        database_.with_connection([&](sqlite3* connection) { return IncidentStore(connection).current(call.now); });
    core::ServiceStatus status;
    for (const core::Region& region : program_.regions) {
        core::RegionStatus shown{region.id, region.name, core::ServiceState::Operational, {}};
        for (const IncidentRecord& record : incidents) {
            if (record.region != region.id) continue;
            core::Incident incident{"INC-" + std::to_string(record.id), record.title, incident_state(record.state),
                                    record.started_at, record.updated_at, record.message};
            if (incident.open())
                shown.state = record.impact == "outage" || shown.state == core::ServiceState::Outage ? core::ServiceState::Outage
                                                                                                     : core::ServiceState::Degraded;
            shown.incidents.push_back(std::move(incident));
        }
        status.regions.push_back(std::move(shown));
    }
    call.response.status = 200;
    call.response.set_header("Cache-Control", "no-store");
    set_body(call.response, core::service_status_to_json(status), "application/json");
}

}  // namespace web
