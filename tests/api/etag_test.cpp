// ETags on what a client reads and later changes (a ticket, a support user,
// their lists) and the conditional requests they allow: If-None-Match gets a
// body-less 304, an update with If-Match goes ahead only while the resource
// is as the client read it (412 otherwise, changing nothing), and of two
// people editing the same copy the second loses instead of overwriting the
// first. Runs against --demo.
#include "signed_in_client.hpp"
#include "ticket_drafts.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

using api_test::ServiceProcess;
using api_test::SignedInClient;
using nlohmann::json;

namespace {

const std::string tickets = "/api/v1/tickets";
const std::string acme_users = "/api/v1/tenants/acme-prod/support-users";

// The answer's ETag after checking it is there and strong (quoted, no W/).
std::string etag_of(const httplib::Result& result) {
    REQUIRE(result);
    std::string etag = result->get_header_value("ETag");
    INFO("status ", result->status, ", body: ", result->body);
    REQUIRE(etag.size() > 2);
    CHECK(etag.front() == '"');
    CHECK(etag.back() == '"');
    return etag;
}

httplib::Headers if_match(const std::string& etag) { return {{"If-Match", etag}}; }
httplib::Headers if_none_match(const std::string& etag) { return {{"If-None-Match", etag}}; }

// A new ticket of sam's (acme-prod, Severity 2) and its path.
std::string filed_ticket(SignedInClient& sam) {
    json ticket = api_test::json_of(sam.post_once(tickets, api_test::onboarding_draft()), 201);
    return tickets + "/" + ticket["id"].get<std::string>();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void check_not_modified(const httplib::Result& result, const std::string& etag) {
    REQUIRE(result);
    CHECK(result->status == 304);
    CHECK(result->body.empty());
    CHECK(result->get_header_value("ETag") == etag);
}

}  // namespace

TEST_CASE("a ticket's ETag is strong, holds while only the clock moves, and If-None-Match with it gets 304") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");
    const std::string path = filed_ticket(sam);

    httplib::Result first = sam.get(path);
    const std::string etag = etag_of(first);
    // The SLA's seconds move on between the two reads; the ticket does not.
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    CHECK(etag_of(sam.get(path)) == etag);

    check_not_modified(sam.get(path, if_none_match(etag)), etag);
    check_not_modified(sam.get(path, if_none_match("\"other\", W/" + etag)), etag);   // weak comparison for reads
    CHECK(api_test::json_of(sam.get(path, if_none_match("\"other\"")), 200)["id"].is_string());

    // Another caller sees other actions, so another representation and tag.
    SignedInClient engineer(service, "engineer@vendor.example");
    CHECK(etag_of(engineer.get(path)) != etag);
}

TEST_CASE("an update with the current ETag goes ahead and answers with the new one") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");
    const std::string path = filed_ticket(sam);
    const std::string before = etag_of(sam.get(path));

    httplib::Result lowered = sam.patch(path, {{"severity", 3}}, if_match(before));
    CHECK(api_test::json_of(lowered, 200)["severity"] == 3);
    const std::string after = etag_of(lowered);
    CHECK(after != before);
    CHECK(etag_of(sam.get(path)) == after);
    CHECK(api_test::json_of(sam.get(path, if_none_match(before)), 200)["severity"] == 3);   // the old copy is not current

    // A comment with the current ETag: its answer's tag is the ticket's as it now is.
    httplib::Result commented = sam.post_once(path + "/comments", {{"body", "Still failing."}}, if_match(after));
    api_test::json_of(commented, 201);
    CHECK(etag_of(commented) == etag_of(sam.get(path)));

    // "*" asks only that the ticket exists; no If-Match at all changes it unconditionally, as before.
    CHECK(api_test::json_of(sam.patch(path, {{"severity", 4}}, if_match("*")), 200)["severity"] == 4);
    CHECK(api_test::json_of(sam.patch(path, {{"severity", 4}}), 200)["severity"] == 4);
}

TEST_CASE("a stale If-Match is a 412 problem that says what to do, and changes nothing") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");
    const std::string path = filed_ticket(sam);
    const std::string stale = etag_of(sam.get(path));
    api_test::json_of(sam.post_once(path + "/comments", {{"body", "One more detail."}}), 201);
    const json current = api_test::json_of(sam.get(path), 200);
    const std::string current_etag = etag_of(sam.get(path));

    std::string detail = api_test::problem_of(sam.patch(path, {{"severity", 4}}, if_match(stale)), 412);
    CHECK(contains(detail, "has changed since"));
    CHECK(contains(detail, "GET " + path));
    CHECK(contains(detail, "If-Match"));
    api_test::problem_of(sam.post_once(path + "/comments", {{"body", "Lost?"}}, if_match(stale)), 412);
    api_test::problem_of(sam.post_once(path + "/escalate", {{"severity", 1}, {"reason", "Worse now."}}, if_match(stale)), 412);
    // A weak tag never matches for a change, even of the current copy.
    api_test::problem_of(sam.patch(path, {{"severity", 4}}, if_match("W/" + current_etag)), 412);

    const json after = api_test::json_of(sam.get(path), 200);
    CHECK(after["severity"] == 2);
    CHECK(after["comments"] == current["comments"]);
    CHECK(after["escalated_by"] == json::array());
    CHECK(etag_of(sam.get(path)) == current_etag);
}

TEST_CASE("two customers act on the same copy of a solved ticket: the second loses with 412") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");
    SignedInClient lee(service, "lee.chen@acme.example");
    SignedInClient engineer(service, "engineer@vendor.example");
    const std::string path = filed_ticket(sam);
    api_test::json_of(engineer.post(path + "/solve", json::object()), 200);

    const std::string seen_by_sam = etag_of(sam.get(path));
    const std::string seen_by_lee = etag_of(lee.get(path));
    CHECK(seen_by_sam == seen_by_lee);   // both customers: the same representation

    CHECK(api_test::json_of(sam.post(path + "/confirm", json::object(), if_match(seen_by_sam)), 200)["status"] == "closed");
    // Lee would reopen what Sam has just closed: told it changed, not that reopening a closed ticket is wrong.
    api_test::problem_of(lee.post(path + "/reopen", json::object(), if_match(seen_by_lee)), 412);
    CHECK(api_test::json_of(lee.get(path), 200)["status"] == "closed");
}

TEST_CASE("two customers lower the severity from the same copy at the same moment: exactly one wins") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");
    SignedInClient lee(service, "lee.chen@acme.example");
    const std::string path = filed_ticket(sam);
    const std::string etag = etag_of(sam.get(path));

    // The statuses of the two answers; 0 for no answer.
    int by_sam = 0, by_lee = 0;
    auto status_of = [](const httplib::Result& result) { return result ? result->status : 0; };
    std::thread sam_thread([&] { by_sam = status_of(sam.patch(path, {{"severity", 3}}, if_match(etag))); });
    std::thread lee_thread([&] { by_lee = status_of(lee.patch(path, {{"severity", 4}}, if_match(etag))); });
    sam_thread.join();
    lee_thread.join();
    const bool sam_won = by_sam == 200;
    CHECK((sam_won ? by_lee : by_sam) == 412);
    CHECK((sam_won ? by_sam : by_lee) == 200);
    CHECK(api_test::json_of(sam.get(path), 200)["severity"] == (sam_won ? 3 : 4));
}

TEST_CASE("ticket lists carry an ETag that changes when a ticket on the page does") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");
    const std::string path = filed_ticket(sam);
    const std::string page = tickets + "?tenant=acme-prod&limit=5";
    const std::string etag = etag_of(sam.get(page));
    check_not_modified(sam.get(page, if_none_match(etag)), etag);

    api_test::json_of(sam.patch(path, {{"severity", 3}}), 200);
    httplib::Result changed = sam.get(page, if_none_match(etag));
    CHECK(api_test::json_of(changed, 200)["items"][0]["severity"] == 3);
    CHECK(etag_of(changed) != etag);
}

TEST_CASE("support users: details and list carry ETags, and a revoke from a stale copy is 412") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient admin(service, "admin@acme.example");
    json found = api_test::json_of(admin.get(acme_users + "?q=sam.taylor"), 200);
    REQUIRE(found["items"].size() == 1);
    const std::string user = acme_users + "/" + std::to_string(found["items"][0]["id"].get<int64_t>());

    const std::string list_etag = etag_of(admin.get(acme_users));
    check_not_modified(admin.get(acme_users, if_none_match(list_etag)), list_etag);
    const std::string stale = etag_of(admin.get(user));
    check_not_modified(admin.get(user, if_none_match(stale)), stale);

    // Sam signs in meanwhile: the details the admin holds are out of date.
    SignedInClient sam(service, "sam.taylor@acme.example");
    std::string detail = api_test::problem_of(admin.post(user + "/revoke", json::object(), if_match(stale)), 412);
    CHECK(contains(detail, "GET " + user));
    CHECK(api_test::json_of(admin.get(user), 200)["status"] == "active");
    CHECK(api_test::json_of(sam.get(tickets), 200)["items"].is_array());   // still signed in

    const std::string current = etag_of(admin.get(user));
    httplib::Result revoked = admin.post(user + "/revoke", json::object(), if_match(current));
    CHECK(api_test::json_of(revoked, 200)["status"] == "revoked");
    CHECK(etag_of(revoked) == etag_of(admin.get(user)));
    CHECK(etag_of(revoked) != current);
    CHECK(etag_of(admin.get(acme_users)) != list_etag);
}
