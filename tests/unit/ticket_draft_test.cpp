// The ticket a customer submits: its JSON (the POST body and offline draft)
// and every problem check_draft finds before the service accepts it.
#include "core/text/base64url.hpp"
#include "core/model/ticket_draft.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace core;
using nlohmann::json;

namespace {

// 2024-05-14T12:00:00Z
const Instant now{std::chrono::seconds{1715688000}};
const FieldCheckContext context{now, nullptr};

TicketDraft onboarding_draft() {
    TicketDraft d;
    d.tenant = "acme-prod";
    d.route = "onboarding";
    d.severity = 2;
    d.customer_time_zone = "Europe/Berlin";
    d.fields = {{"tenant", "acme-prod"},
                {"organization_id", "org_7Hq2KpL9sX4mN1aB"},
                {"application", "app_3f9c2a71d4e84b0c"},
                {"client_purpose", "Interactive web app"},
                {"registered_redirect_uris", "https://app.example.com/callback\nhttp://localhost:3000/callback"},
                {"redirect_uri", "https://app.example.com/callback"},
                {"error_message", "invalid_request: the redirect_uri does not match the registered value"},
                {"occurred_at", "2024-05-14 09:32 Europe/Berlin"},
                {"summary", "Sign-in fails after the domain move"},
                {"description", "Every user gets an error right after entering credentials."}};
    return d;
}

std::vector<FieldIssue> issues_on(const std::vector<FieldIssue>& all, std::string_view field) {
    std::vector<FieldIssue> out;
    for (const FieldIssue& i : all)
        if (i.field == field) out.push_back(i);
    return out;
}

std::string token(const json& claims) {
    return base64url_encode(R"({"alg":"RS256","kid":"k1"})") + "." + base64url_encode(claims.dump()) + ".c2ln";
}

}  // namespace

TEST_CASE("a draft survives its JSON form unchanged") {
    TicketDraft d = onboarding_draft();
    d.escalates = "T-1042";
    d.answers = {{"who_is_affected", "all"}, {"production", "yes"}};
    d.checklist = {{"tenant-registered", true}, {"jwks", false}};
    Parsed<TicketDraft> back = parse_ticket_draft(ticket_draft_to_json(d));
    REQUIRE_MESSAGE(back, back.error);
    CHECK(*back.value == d);
    CHECK(json::parse(ticket_draft_to_json(d)).contains("customer_time_zone"));
}

TEST_CASE("only the route is needed to read a draft") {
    Parsed<TicketDraft> r = parse_ticket_draft(R"({"route":"general"})");
    REQUIRE(r);
    CHECK(r.value->route == "general");
    CHECK(r.value->severity == 0);
    CHECK(r.value->fields.empty());
}

TEST_CASE("a bad draft names the bad member") {
    struct Case {
        const char* body;
        const char* error;
    };
    const Case cases[] = {
        {R"({})", "route: missing"},
        {R"({"route":7})", "route: wrong type (number)"},
        {R"({"route":"general","fields":{"tenant":7}})", "fields.tenant: wrong type (number)"},
        {R"({"route":"general","fields":[]})", "fields: wrong type (array)"},
        {R"({"route":"general","severity":"2"})", "severity: wrong type (string)"},
        {R"({"route":"general","severity":2.5})", "severity: wrong type (number)"},
        {R"({"route":"general","severity":99999999999})", "severity: 99999999999 is out of range"},
        {R"({"route":"general","checklist":{"ntp":"yes"}})", "checklist.ntp: wrong type (string)"},
        {R"({"route":"general","answers":{"q":null}})", "answers.q: wrong type (null)"},
        {R"({"route":"general","tenant":null})", "tenant: wrong type (null)"},
        {R"([1])", "body: wrong type (array)"},
        {R"({"route":)", "body: not valid JSON at byte"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.body);
        Parsed<TicketDraft> r = parse_ticket_draft(c.body);
        CHECK_FALSE(r);
        CHECK(r.error.starts_with(c.error));
    }
}

TEST_CASE("a complete onboarding draft has no issues") {
    CHECK(check_draft(default_program(), onboarding_draft(), "standard", context).empty());
    CHECK(check_draft(default_program(), onboarding_draft(), "trial", context).empty());
}

TEST_CASE("route, plan, severity and zone problems") {
    TicketDraft d = onboarding_draft();
    d.route = "billing";
    std::vector<FieldIssue> issues = check_draft(default_program(), d, "standard", context);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].field == "route");
    CHECK(issues[0].message.starts_with("There is no support route \"billing\"; the routes are Onboarding, Production"));

    d = onboarding_draft();
    CHECK(issues_on(check_draft(default_program(), d, "none", context), "route") ==
          std::vector<FieldIssue>{{"route", "Your support plan does not include Onboarding requests. Choose one your "
                                            "plan offers: Security report."}});
    // Before sign-in the plan is not known: the route is not judged.
    CHECK(issues_on(check_draft(default_program(), d, std::nullopt, context), "route").empty());

    d.severity = 0;
    CHECK(issues_on(check_draft(default_program(), d, "standard", context), "severity") ==
          std::vector<FieldIssue>{{"severity", "Choose a severity from 1 (Urgent) to 4 (Low)."}});
    d.severity = 5;
    CHECK(issues_on(check_draft(default_program(), d, "standard", context), "severity")[0].message ==
          "There is no severity 5; choose one from 1 (Urgent) to 4 (Low).");

    d = onboarding_draft();
    d.customer_time_zone = "Mars/Olympus";
    CHECK(issues_on(check_draft(default_program(), d, "standard", context), "customer_time_zone").size() == 1);
    d.customer_time_zone = "";
    CHECK(issues_on(check_draft(default_program(), d, "standard", context), "customer_time_zone").size() == 1);
}

TEST_CASE("unknown and missing fields") {
    TicketDraft d = onboarding_draft();
    d.fields["colour"] = "blue";
    d.fields.erase("organization_id");
    std::vector<FieldIssue> issues = check_draft(default_program(), d, "standard", context);
    CHECK(issues_on(issues, "colour") ==
          std::vector<FieldIssue>{{"colour", "The Onboarding form has no field \"colour\"; remove it."}});
    CHECK(issues_on(issues, "organization_id") ==
          std::vector<FieldIssue>{
              {"organization_id", "Organization ID is required; for example org_7Hq2KpL9sX4mN1aB."}});
    CHECK(issues.size() == 2);
}

TEST_CASE("a redirect URI that matches no registered one is a blocking issue with its differences") {
    TicketDraft d = onboarding_draft();
    d.fields["redirect_uri"] = "https://App.example.com:443/callback";
    std::vector<FieldIssue> issues = check_draft(default_program(), d, "standard", context);
    CHECK(issues == std::vector<FieldIssue>{
                        {"redirect_uri",
                         "\"https://App.example.com:443/callback\" matches no registered redirect URI exactly; the "
                         "closest, \"https://app.example.com/callback\", differs in host letter case and written-out "
                         "default port. Change the app or register the exact URI.",
                         true}});
    // A URI that cannot be read gets its own message only, not a comparison too.
    d.fields["redirect_uri"] = "app.example.com/callback";
    CHECK(issues_on(check_draft(default_program(), d, "standard", context), "redirect_uri").size() == 1);
}

TEST_CASE("a pasted token is checked against the tenant's issuer") {
    TicketDraft d = onboarding_draft();
    d.fields["token"] = token({{"iss", "https://globex-dev.example.com/"}, {"exp", 1715691300}});
    std::vector<FieldIssue> issues = issues_on(check_draft(default_program(), d, "standard", context), "token");
    REQUIRE(issues.size() == 1);
    CHECK_FALSE(issues[0].blocking);
    CHECK(issues[0].message.find("tokens of this tenant are issued by \"https://acme-prod.example.com/\"") !=
          std::string::npos);
    d.fields["token"] = token({{"iss", "https://acme-prod.example.com/"}, {"exp", 1715691300}});
    CHECK(check_draft(default_program(), d, "standard", context).empty());
}
