// GET /api/v1/status: open to anyone, every region of the program with its
// state and current incidents; --demo's open incident in the EU region.
#include "signed_in_client.hpp"

#include "core/program/program.hpp"
#include "core/model/service_status.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using api_test::ServiceProcess;
using nlohmann::json;

namespace {

json status_of(const ServiceProcess& service) {
    httplib::Client client = service.client();   // no session
    httplib::Result result = client.Get("/api/v1/status");
    json status = api_test::json_of(result, 200);
    // The portal reads it with core's own parser.
    core::Parsed<core::ServiceStatus> parsed = core::parse_service_status(result->body);
    CHECK_MESSAGE(parsed, parsed.error);
    std::vector<std::string> ids;
    for (const json& region : status["regions"]) ids.push_back(region["id"].get<std::string>());
    std::vector<std::string> program_ids;
    for (const core::Region& region : core::default_program().regions) program_ids.push_back(region.id);
    CHECK(ids == program_ids);
    return status;
}

const json& region(const json& status, const std::string& id) {
    for (const json& item : status["regions"])
        if (item["id"] == id) return item;
    FAIL("no region ", id);
    return status;
}

}  // namespace

TEST_CASE("without incidents every region is operational") {
    ServiceProcess service;
    for (const json& item : status_of(service)["regions"]) {
        CHECK(item["state"] == "operational");
        CHECK(item["incidents"] == json::array());
        CHECK(!item["name"].get<std::string>().empty());
    }
}

TEST_CASE("--demo: an open incident in the EU region since an hour before start") {
    ServiceProcess service(api_test::demo_service());
    const core::Instant now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    json status = status_of(service);

    const json& eu = region(status, "eu");
    CHECK(eu["name"] == "EU");
    CHECK(eu["state"] == "degraded");
    REQUIRE(eu["incidents"].size() == 1);
    const json& incident = eu["incidents"][0];
    CHECK(incident["id"] == "INC-1");
    CHECK(incident["state"] == "investigating");
    CHECK(!incident["title"].get<std::string>().empty());
    CHECK(!incident["message"].get<std::string>().empty());
    std::optional<core::Instant> started = core::parse_instant(incident["started_at"].get<std::string>());
    std::optional<core::Instant> updated = core::parse_instant(incident["updated_at"].get<std::string>());
    REQUIRE(started);
    REQUIRE(updated);
    CHECK(incident["started_at"].get<std::string>().ends_with("Z"));
    CHECK(*started <= now - std::chrono::minutes(59));
    CHECK(*started >= now - std::chrono::minutes(65));
    CHECK(*updated >= *started);
    for (const char* other : {"americas", "apac"}) {
        CHECK(region(status, other)["state"] == "operational");
        CHECK(region(status, other)["incidents"] == json::array());
    }
}

TEST_CASE("an open outage makes its region's state; resolved incidents show for a day") {
    ServiceProcess service;
    api_test::run_sql(service.database_path(),
                      "INSERT INTO incidents(region, title, impact, state, message, started_at, updated_at) VALUES"
                      " ('americas', 'Sign-in down', 'outage', 'identified', 'Rolling back.', strftime('%s','now') - 600, strftime('%s','now') - 60),"
                      " ('americas', 'Slow emails', 'degraded', 'monitoring', 'Recovering.', strftime('%s','now') - 900, strftime('%s','now') - 300),"
                      " ('apac', 'Slow MFA', 'degraded', 'resolved', 'Fixed.', strftime('%s','now') - 7200, strftime('%s','now') - 3600),"
                      " ('apac', 'Old one', 'outage', 'resolved', 'Fixed.', strftime('%s','now') - 900000, strftime('%s','now') - 800000)");
    json status = status_of(service);
    const json& americas = region(status, "americas");
    CHECK(americas["state"] == "outage");
    REQUIRE(americas["incidents"].size() == 2);
    CHECK(americas["incidents"][0]["title"] == "Sign-in down");   // newest started first
    const json& apac = region(status, "apac");
    CHECK(apac["state"] == "operational");
    REQUIRE(apac["incidents"].size() == 1);
    CHECK(apac["incidents"][0]["state"] == "resolved");
    CHECK(region(status, "eu")["state"] == "operational");
}
