// The support engineer's queue (core/model/ticket_queue and the list update()
// keeps in TicketList::shown): due soonest first, nothing due last, filters.
#include "core/app.hpp"
#include "core/model/ticket_queue.hpp"
#include "core/time/zone_catalog.hpp"

#include "effects_of.hpp"

#include <doctest/doctest.h>

using namespace core;

namespace {

Ticket ticket(const char* id, const char* tenant, const char* opened, TicketStatus status = TicketStatus::Open) {
    Ticket t;
    t.id = id;
    t.tenant = tenant;
    t.plan = "standard";
    t.severity = 1;
    t.opened_at = *parse_instant(opened);
    t.status = status;
    return t;
}

std::vector<std::string> ids(const std::vector<Ticket>& tickets, const std::vector<int>& order) {
    std::vector<std::string> out;
    for (int i : order) out.push_back(tickets[i].id);
    return out;
}

std::string ticket_json(const char* id, const char* tenant, const char* plan, int severity, const char* opened,
                        const char* first_response = nullptr) {
    return std::string(R"({"id":")") + id + R"(","tenant":")" + tenant + R"(","route":"onboarding","summary":"s","plan":")" +
           plan + R"(","severity":)" + std::to_string(severity) + R"(,"opened_at":")" + opened +
           R"(","customer_time_zone":"UTC","first_response_at":)" +
           (first_response ? "\"" + std::string(first_response) + "\"" : "null") + R"(,"status":"open"})";
}

State signed_in_as(const char* role) {
    State state;
    state.now = *parse_instant("2026-12-07T09:10:00Z");
    update(state, Answered<HttpReply::Session>{
                      200, std::string(R"({"user":{"id":"1","email":"p@vendor.example"},"csrf_token":"t","memberships":[)") +
                               R"({"tenant":"acme-prod","tenant_name":"Acme","role":")" + role + R"("},)" +
                               R"({"tenant":"globex-dev","tenant_name":"Globex","role":")" + role + R"("}]})"});
    REQUIRE(state.session == SessionStatus::SignedIn);
    update(state, OpenTickets{});
    update(state, Answered<HttpReply::Tickets>{
                      200, "{\"items\":[" + ticket_json("T-1", "acme-prod", "enterprise", 1, "2026-12-07T09:00:00Z") + "," +
                               ticket_json("T-2", "globex-dev", "standard", 1, "2026-12-07T08:00:00Z") + "," +
                               ticket_json("T-3", "acme-prod", "standard", 1, "2026-12-07T07:00:00Z",
                                           "2026-12-07T07:05:00Z") +
                               "," + ticket_json("T-4", "globex-dev", "enterprise", 1, "2026-12-07T09:05:00Z") +
                               "],\"next_cursor\":\"\"}"});
    return state;
}

}  // namespace

TEST_CASE("the queue puts the soonest deadline first, then what has nothing due, oldest first") {
    const std::vector<Ticket> tickets{ticket("T-1", "a", "2026-12-07T09:00:00Z"), ticket("T-2", "a", "2026-12-07T08:00:00Z"),
                                      ticket("T-3", "b", "2026-12-07T07:00:00Z"), ticket("T-4", "b", "2026-12-07T06:00:00Z"),
                                      ticket("T-5", "a", "2026-12-07T05:00:00Z", TicketStatus::Solved)};
    const std::vector<std::optional<Instant>> due{*parse_instant("2026-12-07T10:00:00Z"),
                                                  *parse_instant("2026-12-07T09:00:00Z"), std::nullopt, std::nullopt,
                                                  std::nullopt};
    CHECK(ids(tickets, queue_order(tickets, due, {})) == std::vector<std::string>{"T-2", "T-1", "T-4", "T-3"});
    CHECK(ids(tickets, queue_order(tickets, due, {.tenant = "b"})) == std::vector<std::string>{"T-4", "T-3"});
    CHECK(ids(tickets, queue_order(tickets, due, {.status = TicketStatus::Solved})) == std::vector<std::string>{"T-5"});
    CHECK(ids(tickets, queue_order(tickets, due, {.status = std::nullopt})).size() == 5);
    CHECK(queue_order(tickets, due, {.plan = "enterprise"}).empty());
    CHECK(queue_order(tickets, due, {.severity = 2}).empty());
}

TEST_CASE("an engineer's list is the queue once the zones are known; a customer's keeps the service's order") {
    State engineer = signed_in_as("support_engineer");
    // Before the customer's zone is loaded nothing is known to be due: oldest first.
    CHECK(ids(engineer.tickets.items, engineer.tickets.shown) == std::vector<std::string>{"T-3", "T-2", "T-1", "T-4"});
    update(engineer, TimeZoneLoaded{"UTC", core::locate_zone("UTC")});
    // T-2 was due at 09:00 (breached), T-1 at 09:30, T-4 at 09:35; T-3 is answered.
    CHECK(ids(engineer.tickets.items, engineer.tickets.shown) == std::vector<std::string>{"T-2", "T-1", "T-4", "T-3"});
    update(engineer, FilterTickets{{.tenant = "acme-prod"}});
    CHECK(ids(engineer.tickets.items, engineer.tickets.shown) == std::vector<std::string>{"T-1", "T-3"});
    update(engineer, FilterTickets{{.tenant = "acme-prod", .plan = "standard"}});
    CHECK(ids(engineer.tickets.items, engineer.tickets.shown) == std::vector<std::string>{"T-3"});
    // The clock alone does not reorder anything.
    const std::vector<int> before = engineer.tickets.shown;
    update(engineer, Tick{*parse_instant("2026-12-07T11:00:00Z")});
    CHECK(engineer.tickets.shown == before);

    State admin = signed_in_as("admin");
    update(admin, TimeZoneLoaded{"UTC", core::locate_zone("UTC")});
    CHECK(ids(admin.tickets.items, admin.tickets.shown) == std::vector<std::string>{"T-1", "T-2", "T-3", "T-4"});
}

TEST_CASE("a later page of the listing joins the queue in its place, and a new listing replaces it") {
    State engineer = signed_in_as("support_engineer");
    update(engineer, TimeZoneLoaded{"UTC", core::locate_zone("UTC")});
    // A refresh whose first page has a cursor: T-5 (due 09:05) on the first, T-6 (due 08:30) on the second.
    update(engineer, ReloadTickets{});
    update(engineer, Answered<HttpReply::Tickets>{
                         200, "{\"items\":[" + ticket_json("T-5", "acme-prod", "enterprise", 1, "2026-12-07T08:35:00Z") +
                                  "],\"next_cursor\":\"c1\"}"});
    CHECK(ids(engineer.tickets.items, engineer.tickets.shown) == std::vector<std::string>{"T-5"});
    update(engineer, Answered<HttpReply::Tickets>{
                         200, "{\"items\":[" + ticket_json("T-6", "globex-dev", "standard", 1, "2026-12-07T07:30:00Z") + "," +
                                  ticket_json("T-7", "globex-dev", "standard", 1, "2026-12-07T06:00:00Z", "2026-12-07T06:10:00Z") +
                                  "],\"next_cursor\":\"\"}"});
    CHECK(ids(engineer.tickets.items, engineer.tickets.shown) == std::vector<std::string>{"T-6", "T-5", "T-7"});
    CHECK(engineer.tickets.due.size() == 3);
}
