// Tickets: the list and its pages, one ticket, errors, the demo set, SLA
// fields that must agree with core's engine, and who sees which tenant's
// tickets. Every SLA check recomputes at the "now" the service reports, so
// nothing depends on how fast tests run. Most cases read as a support
// engineer, who sees every ticket.
#include "service_process.hpp"
#include "core/time/zone_catalog.hpp"
#include "signed_in_client.hpp"

#include "core/sla/business_calendar.hpp"
#include "core/program/program.hpp"
#include "core/sla/response_terms.hpp"
#include "core/sla/sla_status.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <set>

using api_test::ServiceProcess;
using api_test::SignedInClient;
using nlohmann::json;

namespace {

// Someone who sees every ticket: the demo's support engineer, or one added
// to a database without the demo accounts.
SignedInClient engineer(const ServiceProcess& service, bool demo = true) {
    if (demo) return SignedInClient(service, "engineer@vendor.example");
    api_test::add_member(service.database_path(), "engineer@test.example", "engineer password", "test-tenant", "support_engineer");
    return SignedInClient(service, "engineer@test.example", "engineer password");
}

json get_json(SignedInClient& client, const std::string& path) {
    httplib::Result result = client.get(path);
    REQUIRE_MESSAGE(result, "no answer for ", path);
    INFO("GET ", path, " -> ", result->body);
    REQUIRE(result->status == 200);
    CHECK(result->get_header_value("Content-Type") == "application/json");
    CHECK(result->get_header_value("Cache-Control") == "no-store");
    json parsed = json::parse(result->body, nullptr, false);
    REQUIRE(!parsed.is_discarded());
    return parsed;
}

// The detail of a problem answer with this status.
std::string problem_detail(const httplib::Result& result, int status) {
    REQUIRE(result);
    INFO("body: ", result->body);
    CHECK(result->status == status);
    CHECK(result->get_header_value("Content-Type") == "application/problem+json");
    json problem = json::parse(result->body, nullptr, false);
    REQUIRE(problem.is_object());
    CHECK(problem["status"] == status);
    REQUIRE(problem["detail"].is_string());
    return problem["detail"].get<std::string>();
}

core::Instant instant(const json& text) {
    REQUIRE(text.is_string());
    std::optional<core::Instant> parsed = core::parse_instant(text.get<std::string>());
    REQUIRE_MESSAGE(parsed, "not an instant: ", text.dump());
    return *parsed;
}

// Every ticket, page by page.
struct Listing {
    std::vector<json> items;
    std::vector<size_t> page_sizes;
};

Listing list_all(SignedInClient& client, int limit) {
    Listing listing;
    std::string path = "/api/v1/tickets?limit=" + std::to_string(limit);
    for (int pages = 0; pages < 1000; pages++) {
        json page = get_json(client, path);
        REQUIRE(page["items"].is_array());
        listing.page_sizes.push_back(page["items"].size());
        for (const json& item : page["items"]) listing.items.push_back(item);
        if (page["next_cursor"].is_null()) return listing;
        REQUIRE(page["next_cursor"].is_string());
        // Opaque, but it must travel in a query string as it is.
        std::string cursor = page["next_cursor"].get<std::string>();
        CHECK(cursor.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos);
        path = "/api/v1/tickets?limit=" + std::to_string(limit) + "&cursor=" + cursor;
    }
    FAIL("the pages never end");
    return listing;
}

api_test::ServiceOptions demo_options(int synthetic = 0) {
    api_test::ServiceOptions options;
    options.extra_args = {"--demo"};
    if (synthetic > 0) options.extra_args = {"--demo-tickets", std::to_string(synthetic)};
    return options;
}

std::set<std::string> keys_of(const json& object) {
    std::set<std::string> keys;
    for (auto it = object.begin(); it != object.end(); ++it) keys.insert(it.key());
    return keys;
}

// Recomputes the ticket's SLA with core at `now` and compares field by field.
void check_sla_agrees_with_core(const json& ticket, core::Instant now) {
    INFO("ticket: ", ticket.dump());
    const core::Program& program = core::default_program();
    const core::TimeZone* zone = core::locate_zone(ticket["customer_time_zone"].get<std::string>());
    core::Instant opened = instant(ticket["opened_at"]);
    CHECK(core::format_instant(opened, zone) == ticket["opened_at"]);   // in the customer's zone, with its offset
    std::optional<core::Instant> first_response;
    if (!ticket["first_response_at"].is_null()) {
        first_response = instant(ticket["first_response_at"]);
        CHECK(core::format_instant(*first_response, zone) == ticket["first_response_at"]);
    }

    core::Parsed<core::ResponseTerms> terms = core::response_terms(program, ticket["plan"].get<std::string>(), ticket["severity"].get<int>());
    REQUIRE_MESSAGE(terms, terms.error);
    if (!terms->target) {
        CHECK(ticket["sla"].is_null());
        return;
    }
    const json& sla = ticket["sla"];
    REQUIRE(sla.is_object());
    const core::BusinessCalendar calendar(zone, *terms->schedule);
    std::optional<core::SlaStatus> status =
        core::sla_status(calendar, std::chrono::minutes(terms->target->minutes), opened, first_response, now);
    REQUIRE(status);
    CHECK(sla["target_minutes"] == terms->target->minutes);
    CHECK(sla["target_label"] == terms->target->label);
    CHECK(sla["schedule"] == terms->schedule->id);
    CHECK(sla["deadline"] == core::format_instant(status->deadline, zone));
    CHECK(sla["deadline_utc"] == core::format_instant_utc(status->deadline));
    CHECK(sla["state"] == std::string(core::to_string(status->state)));
    CHECK(sla["business_seconds_left"] == status->left.count());
    CHECK(sla["late_seconds"] == status->late.count());
    CHECK(sla["response_seconds"] == status->response.count());
    if (status->resumes_at)
        CHECK(sla["resumes_at"] == core::format_instant(*status->resumes_at, zone));
    else
        CHECK(sla["resumes_at"].is_null());
}

}  // namespace

TEST_CASE("without --demo there are no tickets") {
    ServiceProcess service;
    SignedInClient client = engineer(service, false);
    json page = get_json(client, "/api/v1/tickets");
    CHECK(page["items"] == json::array());
    CHECK(page["next_cursor"].is_null());
    std::string now = page["now"].get<std::string>();
    CHECK(now.ends_with('Z'));
    CHECK(core::parse_instant(now));
}

TEST_CASE("the list comes newest opened first, a page at a time") {
    const int synthetic = 230;
    const int total = 20 + synthetic;   // the demo set has 20 tickets
    ServiceProcess service(demo_options(synthetic));
    SignedInClient client = engineer(service);

    json everything = get_json(client, "/api/v1/tickets?limit=500");
    REQUIRE(everything["items"].size() == size_t(total));
    CHECK(everything["next_cursor"].is_null());

    SUBCASE("ids are given out in order from T-1001") {
        std::set<std::string> ids;
        for (const json& item : everything["items"]) ids.insert(item["id"].get<std::string>());
        std::set<std::string> expected;
        for (int number = 1001; number < 1001 + total; number++) expected.insert("T-" + std::to_string(number));
        CHECK(ids == expected);
    }

    SUBCASE("ordered by opening time, then id, both descending") {
        const json& items = everything["items"];
        for (size_t i = 1; i < items.size(); i++) {
            core::Instant before = instant(items[i - 1]["opened_at"]);
            core::Instant after = instant(items[i]["opened_at"]);
            INFO(items[i - 1]["id"], " then ", items[i]["id"]);
            CHECK(before >= after);
            if (before == after) CHECK(items[i - 1]["id"].get<std::string>() > items[i]["id"].get<std::string>());
        }
    }

    SUBCASE("following next_cursor visits every ticket once, in the same order") {
        Listing listing = list_all(client, 100);
        CHECK(listing.page_sizes == std::vector<size_t>{100, 100, 50});
        REQUIRE(listing.items.size() == size_t(total));
        for (size_t i = 0; i < listing.items.size(); i++) CHECK(listing.items[i]["id"] == everything["items"][i]["id"]);
    }

    SUBCASE("a page that ends exactly at the last ticket has no next cursor") {
        Listing listing = list_all(client, 125);
        CHECK(listing.page_sizes == std::vector<size_t>{125, 125});
    }

    SUBCASE("the default page holds 50") {
        json page = get_json(client, "/api/v1/tickets");
        CHECK(page["items"].size() == 50);
        CHECK(page["next_cursor"].is_string());
        for (size_t i = 0; i < 50; i++) CHECK(page["items"][i]["id"] == everything["items"][i]["id"]);
    }

    SUBCASE("synthetic tickets are opened within the past 30 days") {
        core::Instant now = instant(everything["now"]);
        for (const json& item : everything["items"]) {
            core::Instant opened = instant(item["opened_at"]);
            CHECK(opened <= now);
            CHECK(opened > now - date::days(30) - std::chrono::hours(1));
        }
    }

    SUBCASE("every ticket's SLA agrees with core at the page's now") {
        core::Instant now = instant(everything["now"]);
        for (const json& item : everything["items"]) check_sla_agrees_with_core(item, now);
    }
}

TEST_CASE("tickets opened in the same second are paged by id without loss") {
    api_test::TempFolder folder;
    api_test::ServiceOptions options;
    options.database_path = folder.path() / "portal.sqlite3";
    {
        ServiceProcess first(options);   // creates the tables
    }
    sqlite3* connection = nullptr;
    REQUIRE(sqlite3_open(options.database_path->c_str(), &connection) == SQLITE_OK);
    std::string sql =
        "INSERT INTO tickets(id, route, summary, plan, severity, opened_at, customer_time_zone) VALUES"
        " ('T-1001', 'general', 'older', 'standard', 3, 1774000000, 'Europe/Berlin'),"
        " ('T-1009', 'general', 'newer', 'standard', 3, 1774000500, 'Europe/Berlin')";
    for (int number = 1002; number <= 1008; number++)
        sql += ", ('T-" + std::to_string(number) + "', 'general', 'same second', 'standard', 3, 1774000100, 'Europe/Berlin')";
    char* message = nullptr;
    int status = sqlite3_exec(connection, sql.c_str(), nullptr, nullptr, &message);
    INFO("sqlite: ", message ? message : "");
    sqlite3_free(message);
    sqlite3_close(connection);
    REQUIRE(status == SQLITE_OK);

    ServiceProcess service(options);
    SignedInClient client = engineer(service, false);
    Listing listing = list_all(client, 2);
    CHECK(listing.page_sizes == std::vector<size_t>{2, 2, 2, 2, 1});
    std::vector<std::string> ids;
    for (const json& item : listing.items) ids.push_back(item["id"].get<std::string>());
    CHECK(ids == std::vector<std::string>{"T-1009", "T-1008", "T-1007", "T-1006", "T-1005", "T-1004", "T-1003", "T-1002", "T-1001"});
}

TEST_CASE("the synthetic tickets are the same on every start") {
    auto without_times = [](const json& page) {
        std::vector<std::string> rows;
        for (const json& item : page["items"])
            rows.push_back(item["id"].get<std::string>() + " " + item["plan"].get<std::string>() + " " +
                           std::to_string(item["severity"].get<int>()) + " " + item["customer_time_zone"].get<std::string>());
        std::sort(rows.begin(), rows.end());
        return rows;
    };
    std::vector<std::string> first, second;
    {
        ServiceProcess service(demo_options(60));
        SignedInClient client = engineer(service);
        first = without_times(get_json(client, "/api/v1/tickets?limit=500"));
    }
    {
        ServiceProcess service(demo_options(60));
        SignedInClient client = engineer(service);
        second = without_times(get_json(client, "/api/v1/tickets?limit=500"));
    }
    REQUIRE(first.size() == 80);
    // The demo set may move a ticket to another zone when the hours change
    // between the two starts; the synthetic ones (T-1021 on) never do.
    for (size_t i = 20; i < first.size(); i++) CHECK(first[i] == second[i]);
}

TEST_CASE("the demo set shows every SLA state, plan, severity and zone") {
    ServiceProcess service(demo_options());
    SignedInClient client = engineer(service);
    json page = get_json(client, "/api/v1/tickets?limit=500");
    const json& items = page["items"];
    CHECK(items.size() >= 16);
    CHECK(items.size() <= 20);

    std::set<std::string> states, plans, zones, statuses;
    std::set<int> severities;
    for (const json& item : items) {
        plans.insert(item["plan"].get<std::string>());
        severities.insert(item["severity"].get<int>());
        zones.insert(item["customer_time_zone"].get<std::string>());
        if (item["sla"].is_object()) states.insert(item["sla"]["state"].get<std::string>());
        statuses.insert(item["status"].get<std::string>());
        CHECK(!item["summary"].get<std::string>().empty());
        CHECK(core::default_program().find_route(item["route"].get<std::string>()));
    }
    INFO("states: ", json(states).dump());
    // One answered ticket is solved, awaiting the customer's confirmation.
    CHECK(statuses == std::set<std::string>{"open", "solved"});
    CHECK(std::count_if(items.begin(), items.end(), [](const json& item) { return item["status"] == "solved"; }) == 1);
    CHECK((states.count("running") + states.count("at_risk")) > 0);
    CHECK(states.count("paused") == 1);
    CHECK(states.count("breached") == 1);
    CHECK(states.count("met") == 1);
    CHECK(states.count("met_late") == 1);
    CHECK(plans == std::set<std::string>{"none", "trial", "standard", "enterprise", "preferred"});
    CHECK(severities == std::set<int>{1, 2, 3, 4});
    // Tickets move zone to show their state, but others always stay in each.
    CHECK(zones == std::set<std::string>{"America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney",
                                         "America/Los_Angeles"});

    SUBCASE("a paused ticket says when its clock resumes, and only it does") {
        for (const json& item : items) {
            if (!item["sla"].is_object()) continue;
            bool paused = item["sla"]["state"] == "paused";
            CHECK(item["sla"]["resumes_at"].is_null() == !paused);
            if (paused) CHECK(instant(item["sla"]["resumes_at"]) > instant(page["now"]));
        }
    }

    SUBCASE("met tickets have a person's first response; open ones do not") {
        for (const json& item : items) {
            if (!item["sla"].is_object()) continue;
            std::string state = item["sla"]["state"].get<std::string>();
            bool answered = state == "met" || state == "met_late";
            CHECK(item["first_response_at"].is_null() == !answered);
        }
    }

    SUBCASE("plan none has no SLA; every other plan has one") {
        for (const json& item : items) {
            INFO(item.dump());
            CHECK(item["sla"].is_null() == (item["plan"] == "none"));
        }
    }

    SUBCASE("the SLA fields agree with core") {
        core::Instant now = instant(page["now"]);
        for (const json& item : items) check_sla_agrees_with_core(item, now);
    }

    SUBCASE("one deadline recomputed from scratch") {
        // Independently of the service's own fields: the first ticket with a
        // target, its deadline from the program's terms and core's calendar.
        for (const json& item : items) {
            if (item["sla"].is_null()) continue;
            core::Parsed<core::ResponseTerms> terms =
                core::response_terms(core::default_program(), item["plan"].get<std::string>(), item["severity"].get<int>());
            REQUIRE(terms);
            REQUIRE(terms->target);
            const core::TimeZone* zone = core::locate_zone(item["customer_time_zone"].get<std::string>());
            core::BusinessCalendar calendar(zone, *terms->schedule);
            std::optional<core::Instant> deadline =
                calendar.add(instant(item["opened_at"]), std::chrono::minutes(terms->target->minutes));
            REQUIRE(deadline);
            CHECK(item["sla"]["deadline"] == core::format_instant(*deadline, zone));
            CHECK(instant(item["sla"]["deadline_utc"]) == *deadline);
            break;
        }
    }

    SUBCASE("tickets and their SLA have exactly the documented members") {
        std::set<std::string> ticket_keys = {"id",     "route",  "summary",           "plan",
                                             "severity", "opened_at", "customer_time_zone", "first_response_at",
                                             "status", "tenant", "sla"};
        std::set<std::string> sla_keys = {"target_minutes", "target_label", "schedule",     "deadline",
                                          "deadline_utc",   "state",        "business_seconds_left",
                                          "late_seconds",   "response_seconds", "resumes_at"};
        CHECK(keys_of(page) == std::set<std::string>{"items", "next_cursor", "now"});
        for (const json& item : items) {
            CHECK(keys_of(item) == ticket_keys);
            if (item["sla"].is_object()) CHECK(keys_of(item["sla"]) == sla_keys);
        }
    }
}

TEST_CASE("one ticket by id") {
    ServiceProcess service(demo_options());
    SignedInClient client = engineer(service);
    json page = get_json(client, "/api/v1/tickets?limit=500");
    REQUIRE(!page["items"].empty());

    for (const json& listed : page["items"]) {
        std::string id = listed["id"].get<std::string>();
        CAPTURE(id);
        json ticket = get_json(client, "/api/v1/tickets/" + id);
        // The SLA counts on between the two requests; the rest of the list's
        // members are the same (the details add their own).
        for (auto it = listed.begin(); it != listed.end(); ++it)
            if (it.key() != "sla") CHECK(ticket[it.key()] == it.value());
        CHECK(ticket["sla"].is_null() == listed["sla"].is_null());
        if (ticket["sla"].is_object()) CHECK(ticket["sla"]["deadline"] == listed["sla"]["deadline"]);
    }

    SUBCASE("an unknown id is a 404 problem") {
        CHECK(problem_detail(client.get("/api/v1/tickets/T-999999"), 404).find("T-999999") != std::string::npos);
        problem_detail(client.get("/api/v1/tickets/"), 404);
        problem_detail(client.get("/api/v1/tickets/T-1001/extra"), 404);
        problem_detail(client.get("/api/v1/ticketsT-1001"), 404);
    }
}

TEST_CASE("bad limit and cursor values are 400 problems naming the parameter") {
    ServiceProcess service(demo_options());
    SignedInClient client = engineer(service);

    for (const char* limit : {"0", "501", "-1", "abc", "", "1.5", "10x", "99999999999999999999"}) {
        CAPTURE(limit);
        std::string detail = problem_detail(client.get(std::string("/api/v1/tickets?limit=") + limit), 400);
        CHECK(detail.find("limit") != std::string::npos);
    }
    CHECK(get_json(client, "/api/v1/tickets?limit=1")["items"].size() == 1);
    CHECK(get_json(client, "/api/v1/tickets?limit=500")["items"].size() == 20);

    // "Zm9v" is "foo", "MTIzOg" is "123:", "eDpULTEwMDE" is "x:T-1001".
    for (const char* cursor : {"", "!!!", "A", "Zm9v", "MTIzOg", "eDpULTEwMDE", "MTIz%20OlQtMTAwMQ"}) {
        CAPTURE(cursor);
        std::string detail = problem_detail(client.get(std::string("/api/v1/tickets?cursor=") + cursor), 400);
        CHECK(detail.find("cursor") != std::string::npos);
    }
}

TEST_CASE("tickets are never deleted or replaced") {
    ServiceProcess service;
    httplib::Client client = service.client();   // the method is refused before anyone is asked to sign in
    httplib::Result put = client.Put("/api/v1/tickets", "{}", "application/json");
    problem_detail(put, 405);
    CHECK(put->get_header_value("Allow") == "GET, HEAD, POST");
    httplib::Result remove = client.Delete("/api/v1/tickets/T-1001");
    problem_detail(remove, 405);
    CHECK(remove->get_header_value("Allow") == "GET, HEAD, PATCH");
    problem_detail(client.Post("/api/v1/tickets", "{}", "application/json"), 401);
}

TEST_CASE("--demo adds the demo set only to a database without tickets") {
    api_test::TempFolder folder;
    api_test::ServiceOptions options = demo_options();
    options.database_path = folder.path() / "portal.sqlite3";
    std::vector<std::string> first_ids;
    {
        ServiceProcess service(options);
        CHECK(service.process().wait_for_stderr("demo data: added 20 tickets", std::chrono::seconds(2)));
        SignedInClient client = engineer(service);
        json page = get_json(client, "/api/v1/tickets?limit=500");   // kept: a loop over a temporary's member would dangle
        for (const json& item : page["items"])
            first_ids.push_back(item["id"].get<std::string>());
    }
    options.extra_args = {"--demo-tickets", "10"};
    ServiceProcess again(options);
    CHECK(again.process().wait_for_stderr("none added", std::chrono::seconds(2)));
    SignedInClient client = engineer(again);
    std::vector<std::string> ids;
    json page = get_json(client, "/api/v1/tickets?limit=500");
    for (const json& item : page["items"]) ids.push_back(item["id"].get<std::string>());
    CHECK(ids == first_ids);
}

TEST_CASE("--demo-tickets takes a count") {
    api_test::TempFolder folder;
    std::vector<std::string> args = api_test::working_arguments(folder);
    for (const char* bad : {"-1", "lots", "2000000"}) {
        CAPTURE(bad);
        std::vector<std::string> with_bad = args;
        with_bad.push_back("--demo-tickets");
        with_bad.push_back(bad);
        api_test::FinishedRun run = api_test::run_portal_web(with_bad);
        CHECK(run.exit_code == std::optional<int>(2));
        CHECK(run.err.find("--demo-tickets must be a number") != std::string::npos);
    }
    api_test::FinishedRun help = api_test::run_portal_web({"--help"});
    CHECK(help.out.find("--demo-tickets N") != std::string::npos);
}

TEST_CASE("each sees the tickets of their tenants: admins and support users their own, engineers all") {
    ServiceProcess service(demo_options(40));
    SignedInClient all_of_them = engineer(service);
    json everything = get_json(all_of_them, "/api/v1/tickets?limit=500");
    std::map<std::string, std::set<std::string>> ids_of;   // tenant -> ticket ids
    for (const json& item : everything["items"]) ids_of[item["tenant"].get<std::string>()].insert(item["id"].get<std::string>());
    REQUIRE(ids_of.size() == 2);
    // About half each.
    CHECK(ids_of["acme-prod"].size() + ids_of["globex-dev"].size() == 60);
    CHECK(ids_of["acme-prod"].size() == 30);

    auto ids_seen_by = [&](SignedInClient& client, const std::string& query = "") {
        std::set<std::string> ids;
        json page = get_json(client, "/api/v1/tickets?limit=500" + query);
        for (const json& item : page["items"]) ids.insert(item["id"].get<std::string>());
        return ids;
    };
    SignedInClient acme_admin(service, "admin@acme.example");
    SignedInClient globex_admin(service, "admin@globex.example");
    SignedInClient acme_support(service, "sam.taylor@acme.example");
    SignedInClient owner(service, "owner@multi.example");
    CHECK(ids_seen_by(acme_admin) == ids_of["acme-prod"]);
    CHECK(ids_seen_by(acme_support) == ids_of["acme-prod"]);
    CHECK(ids_seen_by(globex_admin) == ids_of["globex-dev"]);
    CHECK(ids_seen_by(owner).size() == 60);
    CHECK(ids_seen_by(owner, "&tenant=globex-dev") == ids_of["globex-dev"]);
    CHECK(ids_seen_by(all_of_them, "&tenant=acme-prod") == ids_of["acme-prod"]);

    SUBCASE("another tenant's ticket is not found, like one that does not exist") {
        const std::string globex_ticket = *ids_of["globex-dev"].begin();
        CHECK(problem_detail(acme_support.get("/api/v1/tickets/" + globex_ticket), 404) == "There is no ticket " + globex_ticket + ".");
        CHECK(problem_detail(acme_admin.get("/api/v1/tickets/" + globex_ticket), 404) == "There is no ticket " + globex_ticket + ".");
        get_json(globex_admin, "/api/v1/tickets/" + globex_ticket);
        CHECK(problem_detail(acme_admin.get("/api/v1/tickets?tenant=globex-dev"), 404) == "There is no tenant globex-dev.");
        CHECK(problem_detail(acme_admin.get("/api/v1/tickets?tenant=nowhere"), 404) == "There is no tenant nowhere.");
    }
    SUBCASE("pages of a tenant's tickets follow its own cursor") {
        std::set<std::string> paged;
        std::string path = "/api/v1/tickets?limit=7";
        for (int pages = 0; pages < 100; pages++) {
            json page = get_json(acme_support, path);
            for (const json& item : page["items"]) paged.insert(item["id"].get<std::string>());
            if (page["next_cursor"].is_null()) break;
            path = "/api/v1/tickets?limit=7&cursor=" + page["next_cursor"].get<std::string>();
        }
        CHECK(paged == ids_of["acme-prod"]);
    }
}

TEST_CASE("tickets from before tenants go to the demo tenants when --demo adds the accounts") {
    api_test::TempFolder folder;
    api_test::ServiceOptions options;
    options.database_path = folder.path() / "portal.sqlite3";
    {
        ServiceProcess first(options);   // creates the tables
    }
    api_test::run_sql(*options.database_path,
                      "INSERT INTO tickets(id, route, summary, plan, severity, opened_at, customer_time_zone) VALUES"
                      " ('T-1001', 'general', 'one', 'standard', 3, 1774000000, 'Europe/Berlin'),"
                      " ('T-1002', 'general', 'two', 'standard', 3, 1774000100, 'Europe/Berlin'),"
                      " ('T-1003', 'general', 'three', 'standard', 3, 1774000200, 'Europe/Berlin'),"
                      " ('T-1004', 'general', 'four', 'standard', 3, 1774000300, 'Europe/Berlin')");
    options.extra_args = {"--demo"};
    ServiceProcess service(options);
    CHECK(service.process().wait_for_stderr("4 tickets from before tenants now belong to the demo tenants", std::chrono::seconds(2)));
    SignedInClient acme(service, "admin@acme.example");
    SignedInClient globex(service, "admin@globex.example");
    CHECK(get_json(acme, "/api/v1/tickets")["items"].size() == 2);
    CHECK(get_json(globex, "/api/v1/tickets")["items"].size() == 2);
}
