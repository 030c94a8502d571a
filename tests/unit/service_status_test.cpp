// GET /api/v1/status as the portal reads it, and the region a customer's
// time zone belongs to.
#include "core/model/service_status.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <string>

using nlohmann::json;

namespace {

const char* const body = R"({
  "regions": [
    {"id": "americas", "name": "Americas", "state": "operational", "incidents": []},
    {"id": "eu", "name": "EU", "state": "degraded", "incidents": [
      {"id": "INC-7", "title": "Slow sign-ins", "state": "resolved",
       "started_at": "2026-11-22T10:00:00Z", "updated_at": "2026-11-22T11:00:00Z", "message": "Fixed."},
      {"id": "INC-8", "title": "Sign-in errors for some tenants", "state": "identified",
       "started_at": "2026-11-23T08:00:00Z", "updated_at": "2026-11-23T09:15:00+01:00",
       "message": "A faulty deployment is being rolled back."}
    ]},
    {"id": "apac", "name": "APAC", "state": "outage", "incidents": []}
  ]
})";

// The error for the sample body after `edit`.
std::string error_after(const std::function<void(json&)>& edit) {
    json doc = json::parse(body);
    edit(doc);
    core::Parsed<core::ServiceStatus> parsed = core::parse_service_status(doc.dump());
    CHECK_FALSE(parsed);
    return parsed.error;
}

}  // namespace

TEST_CASE("the status of each region and its incidents") {
    core::Parsed<core::ServiceStatus> parsed = core::parse_service_status(body);
    REQUIRE_MESSAGE(parsed, parsed.error);
    const core::ServiceStatus& status = *parsed.value;
    REQUIRE(status.regions.size() == 3);
    CHECK(status.regions[0].state == core::ServiceState::Operational);
    CHECK(status.regions[2].state == core::ServiceState::Outage);

    const core::RegionStatus* eu = status.find_region("eu");
    REQUIRE(eu);
    CHECK(eu->name == "EU");
    CHECK(eu->state == core::ServiceState::Degraded);
    REQUIRE(eu->incidents.size() == 2);
    CHECK_FALSE(eu->incidents[0].open());
    const core::Incident* open = eu->first_open_incident();
    REQUIRE(open);
    CHECK(open->id == "INC-8");
    CHECK(open->state == core::IncidentState::Identified);
    CHECK(core::format_instant_utc(open->started_at) == "2026-11-23T08:00:00Z");
    CHECK(core::format_instant_utc(open->updated_at) == "2026-11-23T08:15:00Z");
    CHECK(open->message == "A faulty deployment is being rolled back.");

    CHECK(status.find_region("americas")->first_open_incident() == nullptr);
    CHECK(status.find_region("moon") == nullptr);
}

TEST_CASE("service_status_to_json writes the body parse_service_status reads back") {
    core::Parsed<core::ServiceStatus> parsed = core::parse_service_status(body);
    REQUIRE_MESSAGE(parsed, parsed.error);
    std::string written = core::service_status_to_json(*parsed.value);
    core::Parsed<core::ServiceStatus> reread = core::parse_service_status(written);
    REQUIRE_MESSAGE(reread, reread.error);
    CHECK(*reread.value == *parsed.value);

    json doc = json::parse(written);
    CHECK(doc["regions"][1]["incidents"][1]["updated_at"] == "2026-11-23T08:15:00Z");
    CHECK(doc["regions"][1]["incidents"][1]["state"] == "identified");
    CHECK(doc["regions"][2]["state"] == "outage");
}

TEST_CASE("every state name reads back") {
    for (const char* state : {"operational", "degraded", "outage"}) {
        CAPTURE(state);
        json doc = json::parse(body);
        doc["regions"][0]["state"] = state;
        core::Parsed<core::ServiceStatus> parsed = core::parse_service_status(doc.dump());
        REQUIRE_MESSAGE(parsed, parsed.error);
        CHECK(core::to_string(parsed.value->regions[0].state) == state);
    }
    for (const char* state : {"investigating", "identified", "monitoring", "resolved"}) {
        CAPTURE(state);
        json doc = json::parse(body);
        doc["regions"][1]["incidents"][0]["state"] = state;
        core::Parsed<core::ServiceStatus> parsed = core::parse_service_status(doc.dump());
        REQUIRE_MESSAGE(parsed, parsed.error);
        CHECK(core::to_string(parsed.value->regions[1].incidents[0].state) == state);
    }
}

TEST_CASE("a bad status body is rejected with the bad member named, never thrown") {
    for (std::string_view text : {"", "not json", "[]", "{\"regions\": [", "null"}) {
        CAPTURE(text);
        core::Parsed<core::ServiceStatus> parsed;
        CHECK_NOTHROW(parsed = core::parse_service_status(text));
        CHECK(parsed.error == "the service status is not a JSON object");
    }
    CHECK(error_after([](json& d) { d.erase("regions"); }) == "regions: missing");
    CHECK(error_after([](json& d) { d["regions"] = json::object(); }) == "regions: wrong type (object)");
    CHECK(error_after([](json& d) { d["regions"][1] = "eu"; }) == "regions[1]: expected an object");
    CHECK(error_after([](json& d) { d["regions"][0]["id"] = 3; }) == "regions[0].id: wrong type (number)");
    CHECK(error_after([](json& d) { d["regions"][2].erase("name"); }) == "regions[2].name: missing");
    CHECK(error_after([](json& d) { d["regions"][0]["state"] = "down"; }) ==
          "regions[0].state: unknown state \"down\" (expected operational, degraded, outage)");
    CHECK(error_after([](json& d) { d["regions"][0].erase("incidents"); }) == "regions[0].incidents: missing");
    CHECK(error_after([](json& d) { d["regions"][1]["incidents"][1]["state"] = "fixed"; }) ==
          "regions[1].incidents[1].state: unknown state \"fixed\" (expected investigating, identified, monitoring, "
          "resolved)");
    CHECK(error_after([](json& d) { d["regions"][1]["incidents"][0]["started_at"] = "yesterday"; }) ==
          "regions[1].incidents[0].started_at: \"yesterday\" is not an ISO-8601 instant");
    CHECK(error_after([](json& d) { d["regions"][1]["incidents"][1].erase("updated_at"); }) ==
          "regions[1].incidents[1].updated_at: missing");
    CHECK(error_after([](json& d) { d["regions"][1]["incidents"][1]["message"] = nullptr; }) ==
          "regions[1].incidents[1].message: wrong type (null)");
    CHECK(error_after([](json& d) { d["regions"][1]["incidents"][0] = 1; }) ==
          "regions[1].incidents[0]: expected an object");
}

TEST_CASE("a time zone belongs to the region with the longest matching prefix") {
    const std::pair<const char*, const char*> cases[] = {
        {"Europe/Berlin", "eu"},
        {"Africa/Lagos", "eu"},
        {"Atlantic/Canary", "eu"},
        {"Asia/Dubai", "eu"},
        {"GB", "eu"},
        {"Indian/Mauritius", "eu"},
        {"America/New_York", "americas"},
        {"America/Sao_Paulo", "americas"},
        {"US/Pacific", "americas"},
        {"Atlantic/Bermuda", "americas"},
        {"Pacific/Honolulu", "americas"},  // longer than "Pacific/"
        {"Asia/Tokyo", "apac"},
        {"Australia/Sydney", "apac"},
        {"Pacific/Auckland", "apac"},
        {"NZ", "apac"},
        {"Indian/Maldives", "apac"},
        {"UTC", "none"},
        {"Etc/GMT+5", "none"},
        {"", "none"},
    };
    // The order of the regions must not matter: reversed, each zone keeps its region.
    json reversed_doc = json::parse(core::default_program_json());
    std::reverse(reversed_doc["regions"].begin(), reversed_doc["regions"].end());
    core::Parsed<core::Program> reversed = core::parse_program(reversed_doc.dump());
    REQUIRE_MESSAGE(reversed, reversed.error);
    const core::Program* programs[] = {&core::default_program(), &*reversed.value};
    for (const core::Program* program : programs) {
        for (const auto& [zone, expected] : cases) {
            CAPTURE(zone);
            const core::Region* region = core::region_for_zone(*program, zone);
            CHECK((region ? region->id : "none") == expected);
        }
    }
    CHECK(core::region_for_zone(core::default_program(), "Europe/Paris")->name == "EU");
}
