#include "web/status/incident_store.hpp"

#include "web/store/sqlite_statement.hpp"

namespace web {

std::vector<IncidentRecord> IncidentStore::current(core::Instant now) {
    Statement query(connection_,
                    "SELECT id, region, title, impact, state, message, started_at, updated_at FROM incidents"
                    " WHERE state <> 'resolved' OR updated_at > ?1 ORDER BY started_at DESC, id DESC");
    query.bind(1, now - resolved_incident_shown_for);
    std::vector<IncidentRecord> incidents;
    while (query.step())
        incidents.push_back(IncidentRecord{query.integer(0), query.text(1), query.text(2), query.text(3), query.text(4),
                                           query.text(5), query.instant(6), query.instant(7)});
    return incidents;
}

int64_t IncidentStore::add(const IncidentRecord& incident) {
    Statement insert(connection_,
                     "INSERT INTO incidents(region, title, impact, state, message, started_at, updated_at)"
                     " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert.bind(1, incident.region).bind(2, incident.title).bind(3, incident.impact).bind(4, incident.state);
    insert.bind(5, incident.message).bind(6, incident.started_at).bind(7, incident.updated_at).run();
    return last_insert_id(connection_);
}

int64_t IncidentStore::count() {
    Statement query(connection_, "SELECT COUNT(*) FROM incidents");
    query.step();
    return query.integer(0);
}

}  // namespace web
