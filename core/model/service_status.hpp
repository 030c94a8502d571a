// The service status per region and the JSON mapping of GET /api/v1/status:
//   {"regions": [{"id": "eu", "name": "EU", "state": "operational|degraded|outage",
//                 "incidents": [{"id": "INC-1", "title": "...",
//                                "state": "investigating|identified|monitoring|resolved",
//                                "started_at": "2026-11-23T08:00:00Z", "updated_at": "...",
//                                "message": "..."}]}]}
// Before the form the portal shows an open incident in the customer's region
// first: support is already working on it.
#pragma once

#include "core/text/parsed.hpp"
#include "core/sla/business_calendar.hpp"   // Instant
#include "core/program/program.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

enum class ServiceState { Operational, Degraded, Outage };
enum class IncidentState { Investigating, Identified, Monitoring, Resolved };

struct Incident {
    std::string id;                     // "INC-1"
    std::string title;
    IncidentState state = IncidentState::Investigating;
    Instant started_at;
    Instant updated_at;
    std::string message;                // the latest update

    bool open() const { return state != IncidentState::Resolved; }
    bool operator==(const Incident&) const = default;
};

struct RegionStatus {
    std::string id;                     // a Region id of the program: "americas", "eu", "apac"
    std::string name;
    ServiceState state = ServiceState::Operational;
    std::vector<Incident> incidents;

    const Incident* first_open_incident() const;   // nullptr: none open
    bool operator==(const RegionStatus&) const = default;
};

struct ServiceStatus {
    std::vector<RegionStatus> regions;

    const RegionStatus* find_region(std::string_view id) const;
    bool operator==(const ServiceStatus&) const = default;
};

// Never throws; the service is not trusted to send what it promised.
Parsed<ServiceStatus> parse_service_status(std::string_view json_text);
// The body the service sends; parse_service_status reads it back equal.
std::string service_status_to_json(const ServiceStatus& status);

std::string_view to_string(ServiceState state);
std::string_view to_string(IncidentState state);

// The program's region for an IANA zone ("Europe/Berlin" -> EU): the one with
// the longest zone prefix the zone starts with; nullptr for zones like "UTC".
const Region* region_for_zone(const Program& program, std::string_view iana_zone);

}  // namespace core
