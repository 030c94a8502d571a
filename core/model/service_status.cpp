#include "core/model/service_status.hpp"

#include "core/text/json_member_reader.hpp"
#include "core/text/json_reader.hpp"

#include <nlohmann/json.hpp>

namespace core {

using nlohmann::json;

namespace {

constexpr std::pair<ServiceState, std::string_view> service_state_names[] = {
    {ServiceState::Operational, "operational"},
    {ServiceState::Degraded, "degraded"},
    {ServiceState::Outage, "outage"},
};

constexpr std::pair<IncidentState, std::string_view> incident_state_names[] = {
    {IncidentState::Investigating, "investigating"},
    {IncidentState::Identified, "identified"},
    {IncidentState::Monitoring, "monitoring"},
    {IncidentState::Resolved, "resolved"},
};

// The "state" member, one of `names`.
template <typename State, size_t N>
bool read_state(JsonMemberReader& r, const json& object, const std::string& path,
                const std::pair<State, std::string_view> (&names)[N], State& out) {
    std::string value;
    if (!r.text(object, path, "state", value)) return false;
    std::string expected;
    for (const auto& [known, name] : names) {
        if (name == value) {
            out = known;
            return true;
        }
        expected += (expected.empty() ? "" : ", ") + std::string(name);
    }
    return r.fail(JsonMemberReader::member_path(path, "state"), "unknown state \"" + value + "\" (expected " + expected + ")");
}

bool read_incident(JsonMemberReader& r, const json& j, const std::string& path, Incident& incident) {
    if (!j.is_object()) return r.fail(path, "expected an object");
    return r.text(j, path, "id", incident.id) && r.text(j, path, "title", incident.title) &&
           read_state(r, j, path, incident_state_names, incident.state) &&
           r.instant(j, path, "started_at", incident.started_at) &&
           r.instant(j, path, "updated_at", incident.updated_at) && r.text(j, path, "message", incident.message);
}

bool read_region(JsonMemberReader& r, const json& j, const std::string& path, RegionStatus& region) {
    if (!j.is_object()) return r.fail(path, "expected an object");
    const json* incidents = nullptr;
    if (!r.text(j, path, "id", region.id) || !r.text(j, path, "name", region.name) ||
        !read_state(r, j, path, service_state_names, region.state) ||
        !(incidents = r.member(j, path, "incidents", json::value_t::array)))
        return false;
    region.incidents.resize(incidents->size());
    for (size_t i = 0; i < incidents->size(); ++i)
        if (!read_incident(r, (*incidents)[i], path + ".incidents[" + std::to_string(i) + "]", region.incidents[i]))
            return false;
    return true;
}

}  // namespace

const Incident* RegionStatus::first_open_incident() const {
    for (const Incident& incident : incidents)
        if (incident.open()) return &incident;
    return nullptr;
}

const RegionStatus* ServiceStatus::find_region(std::string_view id) const {
    for (const RegionStatus& region : regions)
        if (region.id == id) return &region;
    return nullptr;
}

Parsed<ServiceStatus> parse_service_status(std::string_view json_text) {
    json doc = read_json(json_text);
    if (doc.is_discarded() || !doc.is_object()) return {std::nullopt, "the service status is not a JSON object"};
    JsonMemberReader r;
    ServiceStatus status;
    const json* regions = r.member(doc, "", "regions", json::value_t::array);
    if (!regions) return {std::nullopt, r.error};
    status.regions.resize(regions->size());
    for (size_t i = 0; i < regions->size(); ++i)
        if (!read_region(r, (*regions)[i], "regions[" + std::to_string(i) + "]", status.regions[i]))
            return {std::nullopt, r.error};
    return {std::move(status), {}};
}

std::string service_status_to_json(const ServiceStatus& status) {
    using ordered = nlohmann::ordered_json;
    ordered regions = ordered::array();
    for (const RegionStatus& region : status.regions) {
        ordered incidents = ordered::array();
        for (const Incident& i : region.incidents)
            incidents.push_back({{"id", i.id},
                                 {"title", i.title},
                                 {"state", to_string(i.state)},
                                 {"started_at", format_instant_utc(i.started_at)},
                                 {"updated_at", format_instant_utc(i.updated_at)},
                                 {"message", i.message}});
        regions.push_back({{"id", region.id},
                           {"name", region.name},
                           {"state", to_string(region.state)},
                           {"incidents", incidents}});
    }
    ordered doc{{"regions", regions}};
    return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string_view to_string(ServiceState state) {
    for (const auto& [known, name] : service_state_names)
        if (known == state) return name;
    return "operational";
}

std::string_view to_string(IncidentState state) {
    for (const auto& [known, name] : incident_state_names)
        if (known == state) return name;
    return "investigating";
}

const Region* region_for_zone(const Program& program, std::string_view iana_zone) {
    const Region* best = nullptr;
    size_t best_length = 0;
    for (const Region& region : program.regions)
        for (const std::string& prefix : region.zone_prefixes)
            if (iana_zone.starts_with(prefix) && prefix.size() > best_length) {
                best = &region;
                best_length = prefix.size();
            }
    return best;
}

}  // namespace core
