// The ticket lifecycle over HTTP: filing (validation with per-field errors,
// idempotency, the tenant's plan, the automated acknowledgement), who may
// do what to whose tickets, comments and the response clock, solve ->
// confirm or reopen, severity that can be lowered but never raised, and
// escalation to a new linked ticket. Runs against --demo: acme-prod is on
// enterprise, initech-trial on a trial, hooli-free on no plan.
#include "signed_in_client.hpp"
#include "ticket_drafts.hpp"

#include "core/sla/business_calendar.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <set>

using api_test::ServiceProcess;
using api_test::SignedInClient;
using api_test::onboarding_draft;
using nlohmann::json;

namespace {

const std::string tickets = "/api/v1/tickets";

// Files the draft and returns the new ticket (the test fails unless 201).
json file(SignedInClient& client, const json& draft = onboarding_draft()) { return api_test::json_of(client.post_once(tickets, draft), 201); }

std::string path_of(const json& ticket) { return tickets + "/" + ticket["id"].get<std::string>(); }

json comment(SignedInClient& client, const json& ticket, const std::string& body, int status = 201) {
    httplib::Result result = client.post_once(path_of(ticket) + "/comments", {{"body", body}});
    if (status != 201) {
        api_test::problem_of(result, status);
        return {};
    }
    return api_test::json_of(result, 201);
}

// The field errors of a 422 answer, as (field, message) pairs.
std::multimap<std::string, std::string> field_errors(const httplib::Result& result) {
    api_test::problem_of(result, 422);
    json problem = api_test::parse_json(result->body);
    REQUIRE(problem["errors"].is_array());
    std::multimap<std::string, std::string> errors;
    for (const json& error : problem["errors"]) {
        REQUIRE(error["field"].is_string());
        REQUIRE(error["message"].is_string());
        CHECK(!error["message"].get<std::string>().empty());
        errors.emplace(error["field"].get<std::string>(), error["message"].get<std::string>());
    }
    return errors;
}

int64_t ticket_count(const ServiceProcess& service) { return api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM tickets"); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("filing a ticket answers 201 at once with its id, SLA and an automated acknowledgement") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");   // support-only user of acme-prod (enterprise)
    json draft = onboarding_draft();
    draft["plan"] = "standard";   // what a client says about the plan counts for nothing
    json ticket = file(sam, draft);

    CHECK(ticket["id"] == "T-1021");   // after the 20 demo tickets
    CHECK(ticket["status"] == "open");
    CHECK(ticket["tenant"] == "acme-prod");
    CHECK(ticket["plan"] == "enterprise");
    CHECK(ticket["severity"] == 2);
    CHECK(ticket["route"] == "onboarding");
    CHECK(ticket["summary"] == "Sign-in fails after moving the login page to a new domain");
    CHECK(ticket["first_response_at"].is_null());
    REQUIRE(ticket["sla"].is_object());
    CHECK(ticket["sla"]["target_minutes"] == 120);
    CHECK(ticket["created_by"] == json{{"email", "sam.taylor@acme.example"}, {"name", "Sam Taylor"}});
    CHECK(ticket["fields"] == draft["fields"]);
    CHECK(ticket["answers"] == draft["answers"]);
    CHECK(ticket["checklist"] == draft["checklist"]);
    CHECK(ticket["escalates"].is_null());
    CHECK(ticket["escalated_by"] == json::array());
    CHECK(ticket["actions"] == json::array({"comment", "lower_severity", "escalate"}));

    // The acknowledgement names the ticket and is automated: the clock runs on.
    REQUIRE(ticket["comments"].size() == 1);
    const json& acknowledgement = ticket["comments"][0];
    CHECK(acknowledgement["author_kind"] == "automated");
    CHECK(acknowledgement["author"].is_null());
    CHECK(contains(acknowledgement["body"].get<std::string>(), "We received your request"));
    CHECK(contains(acknowledgement["body"].get<std::string>(), "ticket T-1021"));
    CHECK(acknowledgement["created_at"] == ticket["opened_at"]);

    // Reading it back gives the same, and the list has it first.
    json read = api_test::json_of(sam.get(path_of(ticket)), 200);
    for (const char* key : {"id", "plan", "fields", "comments", "created_by", "actions", "first_response_at"}) CHECK(read[key] == ticket[key]);
    json page = api_test::json_of(sam.get(tickets + "?tenant=acme-prod&limit=1"), 200);
    CHECK(page["items"][0]["id"] == "T-1021");
}

TEST_CASE("bad tickets are 422 problems with per-field errors, and nothing is stored") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");
    const int64_t before = ticket_count(service);

    json bad_uri = onboarding_draft();
    bad_uri["fields"]["redirect_uri"] = "http://app.example.com/callback/";
    auto errors = field_errors(sam.post_once(tickets, bad_uri));
    REQUIRE(errors.count("redirect_uri") >= 1);
    CHECK(errors.size() == errors.count("redirect_uri"));   // the other fields are fine
    bool names_https = false;
    for (auto [it, end] = errors.equal_range("redirect_uri"); it != end; ++it) names_https |= contains(it->second, "https");
    CHECK(names_https);

    json several = onboarding_draft();
    several["fields"].erase("summary");
    several["severity"] = 0;
    several["customer_time_zone"] = "Mars/Olympus_Mons";
    errors = field_errors(sam.post_once(tickets, several));
    CHECK(errors.count("summary") == 1);
    CHECK(errors.count("severity") == 1);
    CHECK(errors.count("customer_time_zone") == 1);

    json folder_zone = onboarding_draft();   // a folder of tzdata, not a zone
    folder_zone["customer_time_zone"] = "Europe";
    CHECK(field_errors(sam.post_once(tickets, folder_zone)).count("customer_time_zone") == 1);

    json unknown_route = onboarding_draft();
    unknown_route["route"] = "billing";
    CHECK(field_errors(sam.post_once(tickets, unknown_route)).count("route") == 1);

    json wrong_type = onboarding_draft();
    wrong_type["severity"] = "high";
    CHECK(field_errors(sam.post_once(tickets, wrong_type)).count("severity") == 1);

    json escalating = onboarding_draft();
    escalating["escalates"] = "T-1001";   // escalation has its own endpoint
    CHECK(field_errors(sam.post_once(tickets, escalating)).count("escalates") == 1);

    SUBCASE("a body that is not JSON is a 400") {
        httplib::Result result = sam.post(tickets, json(), {{"Idempotency-Key", "not-json"}});   // "null"
        api_test::problem_of(result, 400);
    }
    CHECK(ticket_count(service) == before);
}

TEST_CASE("the same Idempotency-Key twice files one ticket") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");
    const int64_t before = ticket_count(service);
    const httplib::Headers key = {{"Idempotency-Key", "ticket-once"}};

    httplib::Result first = sam.post(tickets, onboarding_draft(), key);
    json ticket = api_test::json_of(first, 201);
    httplib::Result again = sam.post(tickets, onboarding_draft(), key);
    CHECK(api_test::json_of(again, 201)["id"] == ticket["id"]);
    CHECK(again->get_header_value("Idempotent-Replayed") == "true");
    CHECK(ticket_count(service) == before + 1);
    CHECK(api_test::query_number(service.database_path(),
                                 "SELECT COUNT(*) FROM comments WHERE ticket_id = '" + ticket["id"].get<std::string>() + "'") == 1);

    json other = onboarding_draft();
    other["severity"] = 3;
    CHECK(contains(api_test::problem_of(sam.post(tickets, other, key), 422), "Idempotency-Key"));
    CHECK(contains(api_test::problem_of(sam.post(tickets, onboarding_draft()), 400), "Idempotency-Key"));
    CHECK(ticket_count(service) == before + 1);

    // Keys are per user: another user's same key is a request of their own.
    SignedInClient lee(service, "lee.chen@acme.example");
    CHECK(api_test::json_of(lee.post(tickets, onboarding_draft(), key), 201)["id"] != ticket["id"]);
}

TEST_CASE("authorization: customers work on their tenants' tickets, engineers on all, nobody sees another tenant's") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");        // support-only, acme-prod
    SignedInClient globex_admin(service, "admin@globex.example");  // admin, globex-dev
    SignedInClient engineer(service, "engineer@vendor.example");
    json acme_ticket = file(sam);
    json globex_ticket = file(globex_admin, onboarding_draft("globex-dev"));
    CHECK(globex_ticket["plan"] == "standard");

    // A support-only user files and comments on their own tenant's tickets.
    json commented = comment(sam, acme_ticket, "More detail: it happens in every browser.");
    CHECK(commented["comments"].back()["author_kind"] == "customer");
    CHECK(commented["comments"].back()["author"] == "Sam Taylor");

    // Another tenant's ticket does not exist for them, whatever they try.
    const std::string hidden = path_of(globex_ticket);
    std::string not_found = api_test::problem_of(sam.get(hidden), 404);
    CHECK(api_test::problem_of(sam.get(tickets + "/T-999999"), 404) == "There is no ticket T-999999.");
    CHECK(not_found == "There is no ticket " + globex_ticket["id"].get<std::string>() + ".");
    api_test::problem_of(sam.post_once(hidden + "/comments", {{"body", "hello"}}), 404);
    api_test::problem_of(sam.post(hidden + "/confirm", json::object()), 404);
    api_test::problem_of(sam.post(hidden + "/reopen", json::object()), 404);
    api_test::problem_of(sam.patch(hidden, {{"severity", 4}}), 404);
    api_test::problem_of(sam.post_once(hidden + "/escalate", {{"severity", 1}, {"reason", "x"}}), 404);
    api_test::problem_of(globex_admin.get(path_of(acme_ticket)), 404);
    api_test::problem_of(globex_admin.post_once(path_of(acme_ticket) + "/comments", {{"body", "hello"}}), 404);
    CHECK(api_test::problem_of(sam.post_once(tickets, onboarding_draft("globex-dev")), 404) == "There is no tenant globex-dev.");

    // Engineers answer and solve but file nothing; customers do not solve.
    CHECK(contains(api_test::problem_of(engineer.post_once(tickets, onboarding_draft()), 403), "Support engineers"));
    CHECK(contains(api_test::problem_of(sam.post(path_of(acme_ticket) + "/solve", json::object()), 403), "support engineers"));
    json answered = comment(engineer, globex_ticket, "Looking into it.");
    CHECK(answered["comments"].back()["author_kind"] == "support");
    CHECK(answered["actions"] == json::array({"comment", "solve"}));
    json solved = api_test::json_of(engineer.post(hidden + "/solve", json::object()), 200);
    CHECK(solved["status"] == "solved");
    // Confirming is the customer's: not the engineer's, not another tenant's.
    CHECK(contains(api_test::problem_of(engineer.post(hidden + "/confirm", json::object()), 403), "customer"));
    api_test::problem_of(engineer.patch(hidden, {{"severity", 4}}), 403);
    api_test::problem_of(engineer.post_once(hidden + "/escalate", {{"severity", 1}, {"reason", "x"}}), 403);
    CHECK(api_test::json_of(globex_admin.post(hidden + "/confirm", json::object()), 200)["status"] == "closed");

    SUBCASE("without a CSRF token or a session nothing changes") {
        api_test::problem_of(sam.post_without_csrf(tickets, onboarding_draft(), {{"Idempotency-Key", "no-csrf"}}), 403);
        httplib::Client anonymous = service.client();
        api_test::problem_of(anonymous.Post(tickets, onboarding_draft().dump(), "application/json"), 401);
        api_test::problem_of(anonymous.Get(path_of(acme_ticket)), 401);
    }
}

TEST_CASE("only a support engineer's comment stops the response clock") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");
    SignedInClient engineer(service, "engineer@vendor.example");
    json ticket = file(sam);
    CHECK(ticket["first_response_at"].is_null());   // the acknowledgement did not stop it

    json after_customer = comment(sam, ticket, "Any news?");
    CHECK(after_customer["first_response_at"].is_null());
    CHECK(after_customer["sla"]["state"] != "met");

    json after_support = comment(engineer, ticket, "Yes: the redirect URI on file differs by a trailing slash.");
    REQUIRE(after_support["first_response_at"].is_string());
    CHECK(after_support["first_response_at"] == after_support["comments"].back()["created_at"]);
    std::string state = after_support["sla"]["state"].get<std::string>();
    CHECK((state == "met" || state == "met_late"));

    // A later reply does not move the first response.
    json later = comment(engineer, ticket, "And here is how to fix it.");
    CHECK(later["first_response_at"] == after_support["first_response_at"]);
    REQUIRE(later["comments"].size() == 4);
    std::vector<std::string> kinds;
    for (const json& item : later["comments"]) kinds.push_back(item["author_kind"].get<std::string>());
    CHECK(kinds == std::vector<std::string>{"automated", "customer", "support", "support"});
    for (size_t i = 1; i < later["comments"].size(); i++)
        CHECK(later["comments"][i]["id"].get<int64_t>() > later["comments"][i - 1]["id"].get<int64_t>());
}

TEST_CASE("comments are 1 to 20,000 characters of UTF-8") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");
    json ticket = file(sam);
    const std::string path = path_of(ticket) + "/comments";

    CHECK(field_errors(sam.post_once(path, {{"body", ""}})).count("body") == 1);
    CHECK(field_errors(sam.post_once(path, {{"body", "   \n "}})).count("body") == 1);
    CHECK(field_errors(sam.post_once(path, json::object())).count("body") == 1);
    CHECK(field_errors(sam.post_once(path, {{"body", std::string(20001, 'x')}})).count("body") == 1);
    std::string umlauts;
    for (int i = 0; i < 20000; i++) umlauts += "\xC3\xA4";   // "ä": 2 bytes, 1 character
    CHECK(comment(sam, ticket, umlauts)["comments"].back()["body"] == umlauts);
    // Bytes that are not UTF-8 are not JSON either.
    httplib::Client client = service.client();
    httplib::Result broken = client.Post(path,
                                         {{"Cookie", "portal_session=" + sam.cookie()},
                                          {"X-CSRF-Token", sam.csrf_token()},
                                          {"Idempotency-Key", "broken"}},
                                         "{\"body\":\"\xFF\xFE\"}", "application/json");
    api_test::problem_of(broken, 400);
}

TEST_CASE("solve, then the customer confirms (closed) or reopens") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");
    SignedInClient engineer(service, "engineer@vendor.example");
    json ticket = file(sam);
    const std::string path = path_of(ticket);

    CHECK(contains(api_test::problem_of(sam.post(path + "/confirm", json::object()), 409), "has not marked it solved"));
    CHECK(contains(api_test::problem_of(sam.post(path + "/reopen", json::object()), 409), "is open"));

    json solved = api_test::json_of(engineer.post(path + "/solve", json::object()), 200);
    CHECK(solved["status"] == "solved");
    CHECK(solved["comments"].back()["author_kind"] == "automated");
    CHECK(contains(solved["comments"].back()["body"].get<std::string>(), "Priya Raman marked this ticket solved"));
    CHECK(solved["first_response_at"].is_null());   // marking solved is not an answer; a reply is
    CHECK(contains(api_test::problem_of(engineer.post(path + "/solve", json::object()), 409), "awaits the customer's confirmation"));
    json seen = api_test::json_of(sam.get(path), 200);
    CHECK(seen["actions"] == json::array({"comment", "confirm", "reopen", "lower_severity", "escalate"}));

    SUBCASE("confirmed: closed, and nothing more happens to it") {
        json closed = api_test::json_of(sam.post(path + "/confirm", json::object()), 200);
        CHECK(closed["status"] == "closed");
        CHECK(closed["actions"] == json::array());
        CHECK(contains(api_test::problem_of(sam.post(path + "/confirm", json::object()), 409), "closed"));
        CHECK(contains(api_test::problem_of(sam.post(path + "/reopen", json::object()), 409), "closed"));
        CHECK(contains(api_test::problem_of(engineer.post(path + "/solve", json::object()), 409), "closed"));
        comment(sam, closed, "One more thing", 409);
        comment(engineer, closed, "One more thing", 409);
        api_test::problem_of(sam.patch(path, {{"severity", 4}}), 409);
        CHECK(api_test::json_of(engineer.get(tickets + "?limit=1"), 200)["items"][0]["status"] == "closed");
    }
    SUBCASE("reopened: open again, to be solved again") {
        json reopened = api_test::json_of(sam.post(path + "/reopen", json::object()), 200);
        CHECK(reopened["status"] == "open");
        CHECK(contains(reopened["comments"].back()["body"].get<std::string>(), "reopened"));
        CHECK(api_test::json_of(engineer.post(path + "/solve", json::object()), 200)["status"] == "solved");
    }
    SUBCASE("a customer's comment on a solved ticket keeps it solved") {
        CHECK(comment(sam, solved, "Looks good so far, checking with the team.")["status"] == "solved");
    }
}

TEST_CASE("severity: lowered on request, never raised (escalate instead)") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");
    json ticket = file(sam);   // severity 2, enterprise: 2 hours
    const std::string path = path_of(ticket);

    std::string refusal = api_test::problem_of(sam.patch(path, {{"severity", 1}}), 409);
    CHECK(contains(refusal, "cannot be raised"));
    CHECK(contains(refusal, "escalate"));
    CHECK(api_test::json_of(sam.get(path), 200)["severity"] == 2);

    json lowered = api_test::json_of(sam.patch(path, {{"severity", 3}}), 200);
    CHECK(lowered["severity"] == 3);
    CHECK(lowered["sla"]["target_minutes"] != ticket["sla"]["target_minutes"]);
    CHECK(api_test::json_of(sam.patch(path, {{"severity", 3}}), 200)["severity"] == 3);   // no change, no harm
    api_test::problem_of(sam.patch(path, {{"severity", 2}}), 409);                       // back up is raising too
    CHECK(field_errors(sam.patch(path, {{"severity", 5}})).count("severity") == 1);
    CHECK(field_errors(sam.patch(path, {{"severity", "low"}})).count("severity") == 1);
    json lowest = api_test::json_of(sam.patch(path, {{"severity", 4}}), 200);
    CHECK(lowest["actions"] == json::array({"comment", "escalate"}));
}

TEST_CASE("escalating files a new, more urgent ticket that references the original") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");
    json original = file(sam);   // severity 2
    const std::string path = path_of(original) + "/escalate";

    CHECK(field_errors(sam.post_once(path, {{"severity", 2}, {"reason", "Worse now"}})).count("severity") == 1);
    CHECK(field_errors(sam.post_once(path, {{"severity", 3}, {"reason", "Worse now"}})).count("severity") == 1);
    CHECK(field_errors(sam.post_once(path, {{"severity", 1}})).count("reason") == 1);
    const int64_t before = ticket_count(service);

    const std::string reason = "Now every production sign-in fails, not only the new domain's.";
    const httplib::Headers key = {{"Idempotency-Key", "escalate-once"}};
    httplib::Result result = sam.post(path, {{"severity", 1}, {"reason", reason}}, key);
    json escalation = api_test::json_of(result, 201);
    CHECK(escalation["id"] != original["id"]);
    CHECK(escalation["escalates"] == original["id"]);
    CHECK(escalation["severity"] == 1);
    CHECK(escalation["status"] == "open");
    for (const char* copied : {"route", "summary", "fields", "answers", "checklist", "tenant", "customer_time_zone", "plan"})
        CHECK(escalation[copied] == original[copied]);
    CHECK(escalation["sla"]["target_minutes"] < original["sla"]["target_minutes"]);
    REQUIRE(escalation["comments"].size() == 2);
    CHECK(escalation["comments"][0]["author_kind"] == "customer");
    CHECK(escalation["comments"][0]["body"] == reason);
    CHECK(escalation["comments"][1]["author_kind"] == "automated");
    CHECK(contains(escalation["comments"][1]["body"].get<std::string>(), original["id"].get<std::string>()));
    CHECK(escalation["first_response_at"].is_null());   // the reason is the customer's, not an answer

    // Once only, and the original lists it, unchanged otherwise.
    CHECK(api_test::json_of(sam.post(path, {{"severity", 1}, {"reason", reason}}, key), 201)["id"] == escalation["id"]);
    CHECK(ticket_count(service) == before + 1);
    json now_original = api_test::json_of(sam.get(path_of(original)), 200);
    CHECK(now_original["escalated_by"] == json::array({escalation["id"]}));
    CHECK(now_original["severity"] == 2);
    CHECK(now_original["status"] == "open");
    // Severity 1 is the top: nothing to escalate to.
    CHECK(std::count(escalation["actions"].begin(), escalation["actions"].end(), "escalate") == 0);
}

TEST_CASE("plans come from the tenant: a trial counts down, no plan files security reports only") {
    ServiceProcess service(api_test::demo_service());

    SignedInClient initech(service, "admin@initech.example");
    json tenants = api_test::json_of(initech.get("/api/v1/tenants"), 200)["items"];
    REQUIRE(tenants.size() == 1);
    CHECK(tenants[0]["tenant"] == "initech-trial");
    CHECK(tenants[0]["plan"] == "trial");
    CHECK(tenants[0]["region"] == "apac");
    std::optional<core::Instant> ends = core::parse_instant(tenants[0]["trial_ends_at"].get<std::string>());
    REQUIRE(ends);
    const auto left = *ends - std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    CHECK(left > date::days(8) + std::chrono::hours(23));
    CHECK(left <= date::days(9));
    json trial_ticket = file(initech, onboarding_draft("initech-trial"));
    CHECK(trial_ticket["plan"] == "trial");
    CHECK(trial_ticket["sla"]["target_label"] == "4 business hours");   // the trial gets Standard's support

    SignedInClient hooli(service, "admin@hooli.example");
    json hooli_tenant = api_test::json_of(hooli.get("/api/v1/tenants"), 200)["items"][0];
    CHECK(hooli_tenant["plan"] == "none");
    CHECK(hooli_tenant["trial_ends_at"].is_null());
    CHECK(field_errors(hooli.post_once(tickets, onboarding_draft("hooli-free"))).count("route") == 1);
    json report = {{"tenant", "hooli-free"},
                   {"route", "security"},
                   {"severity", 3},
                   {"customer_time_zone", "America/Chicago"},
                   {"fields",
                    {{"reporter_email", "admin@hooli.example"},
                     {"affected_asset", "https://hooli-free.example.com/logout"},
                     {"summary", "Open redirect through returnTo"},
                     {"description", "1. Open the logout URL with returnTo=https://evil.example 2. You land there."}}}};
    json filed = file(hooli, report);
    CHECK(filed["plan"] == "none");
    CHECK(filed["sla"].is_null());
    CHECK(contains(filed["comments"][0]["body"].get<std::string>(), "no response-time target"));
}

TEST_CASE("the demo has conversations and one ticket awaiting confirmation") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient engineer(service, "engineer@vendor.example");
    json page = api_test::json_of(engineer.get(tickets + "?limit=500"), 200);
    int solved = 0, with_customer_comment = 0, answered = 0;
    for (const json& listed : page["items"]) {
        json ticket = api_test::json_of(engineer.get(path_of(listed)), 200);
        REQUIRE(!ticket["comments"].empty());
        CHECK(ticket["comments"][0]["author_kind"] == "automated");
        std::set<std::string> kinds;
        for (const json& item : ticket["comments"]) kinds.insert(item["author_kind"].get<std::string>());
        with_customer_comment += kinds.count("customer") > 0;
        // A support reply exactly where the first response is, and only there.
        CHECK((kinds.count("support") > 0) == ticket["first_response_at"].is_string());
        if (ticket["first_response_at"].is_string()) {
            answered++;
            bool at_first_response = false;
            for (const json& item : ticket["comments"])
                at_first_response |= item["author_kind"] == "support" && item["created_at"] == ticket["first_response_at"];
            CHECK(at_first_response);
        }
        if (ticket["status"] == "solved") {
            solved++;
            CHECK(ticket["actions"] == json::array({"comment"}));   // confirming is the customer's
        }
    }
    CHECK(solved == 1);
    CHECK(answered >= 2);
    CHECK(with_customer_comment >= 3);
}
