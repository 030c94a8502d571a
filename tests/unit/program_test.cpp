// The support program document: the built-in facts, files, and rejection of
// bad documents with a message that points at the bad field.
#include "core/program/program.hpp"
#include "ids_of.hpp"
#include "test_files.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

using core::FieldKind;
using nlohmann::json;

namespace {

const core::Program& program() { return core::default_program(); }

const core::Field& field(std::string_view route_id, std::string_view field_id) {
    const core::Route* route = program().find_route(route_id);
    REQUIRE(route);
    const core::Field* found = route->find_field(field_id);
    REQUIRE_MESSAGE(found, "route ", route_id, " has no field ", field_id);
    return *found;
}

int open_minutes(const std::vector<core::TimeRange>& day) {
    int total = 0;
    for (const core::TimeRange& range : day) total += *core::minute_of_day(range.to) - *core::minute_of_day(range.from);
    return total;
}

}  // namespace

TEST_CASE("the built-in program names the product, not the vendor") {
    CHECK(program().product_name == "Support Portal");
    CHECK(program().vendor == "Auth0");
}

TEST_CASE("severities 1 to 4 carry the names and titles of the support program") {
    const auto& severities = program().severities;
    REQUIRE(severities.size() == 4);
    struct Expected { int level; const char* name; const char* title; };
    const Expected expected[] = {
        {1, "Urgent", "Emergency Issue"},
        {2, "High", "Significant Business Impact"},
        {3, "Normal", "Minor Feature, Function Issue or General Question"},
        {4, "Low", "Minor Problem or Enhancement Request"},
    };
    for (size_t i = 0; i < 4; ++i) {
        CAPTURE(i);
        CHECK(severities[i].level == expected[i].level);
        CHECK(severities[i].name == expected[i].name);
        CHECK(severities[i].title == expected[i].title);
        CHECK(severities[i].definition.size() > 40);
        CHECK(severities[i].definition.find("Auth0") == std::string::npos);
    }
    CHECK(program().find_severity(1)->definition.find("outage") != std::string::npos);
    CHECK(program().find_severity(4)->definition.find("enhancement") != std::string::npos);
    CHECK(program().find_severity(5) == nullptr);
}

TEST_CASE("schedules: around the clock, 6 to 6 on weekdays, 24 hours on weekdays") {
    CHECK(ids_of(program().schedules) ==
          std::vector<std::string>{"around-the-clock", "standard-hours", "weekdays-24h"});

    const core::Schedule* always = program().find_schedule("around-the-clock");
    const core::Schedule* standard = program().find_schedule("standard-hours");
    const core::Schedule* weekdays = program().find_schedule("weekdays-24h");
    REQUIRE(always);
    REQUIRE(standard);
    REQUIRE(weekdays);
    for (size_t day = 0; day < 7; ++day) {
        CAPTURE(core::weekday_keys[day]);
        bool weekend = day >= 5;
        CHECK(always->week[day] == std::vector<core::TimeRange>{{"00:00", "24:00"}});
        CHECK(standard->week[day] ==
              (weekend ? std::vector<core::TimeRange>{} : std::vector<core::TimeRange>{{"06:00", "18:00"}}));
        CHECK(weekdays->week[day] ==
              (weekend ? std::vector<core::TimeRange>{} : std::vector<core::TimeRange>{{"00:00", "24:00"}}));
    }
    CHECK(standard->holidays.empty());
    CHECK(standard->breaks.empty());
}

TEST_CASE("plans: none, a 22-day trial on standard support, standard, enterprise, preferred") {
    CHECK(ids_of(program().plans) == std::vector<std::string>{"none", "trial", "standard", "enterprise", "preferred"});

    const core::Plan& none = *program().find_plan("none");
    CHECK(none.targets.empty());
    CHECK(none.has_channel("community"));
    CHECK(none.has_channel("security-reports"));
    CHECK_FALSE(none.has_channel("tickets"));

    const core::Plan& trial = *program().find_plan("trial");
    CHECK(trial.days == 22);
    CHECK(trial.support_as == "standard");
    CHECK(trial.channels == program().find_plan("standard")->channels);
    CHECK(program().support_plan("trial") == program().find_plan("standard"));
    CHECK(program().support_plan("enterprise") == program().find_plan("enterprise"));
    CHECK(program().support_plan("gold") == nullptr);
}

TEST_CASE("response targets per plan and severity") {
    struct Expected { const char* plan; int severity; int minutes; const char* schedule; const char* label; };
    const Expected table[] = {
        {"standard", 1, 60, "around-the-clock", "1 business hour"},
        {"standard", 2, 240, "standard-hours", "4 business hours"},
        {"standard", 3, 720, "standard-hours", "1 business day"},
        {"standard", 4, 1440, "standard-hours", "2 business days"},
        {"enterprise", 1, 30, "around-the-clock", "30 minutes"},
        {"enterprise", 2, 120, "weekdays-24h", "2 hours"},
        {"enterprise", 3, 720, "weekdays-24h", "12 hours"},
        {"enterprise", 4, 1440, "weekdays-24h", "24 hours"},
        {"preferred", 1, 30, "around-the-clock", "30 minutes"},
        {"preferred", 2, 60, "weekdays-24h", "1 hour"},
        {"preferred", 3, 480, "weekdays-24h", "8 hours"},
        {"preferred", 4, 720, "weekdays-24h", "12 hours"},
    };
    for (const Expected& e : table) {
        CAPTURE(e.plan);
        CAPTURE(e.severity);
        const core::ResponseTarget* target = program().find_plan(e.plan)->target_for(e.severity);
        REQUIRE(target);
        CHECK(target->minutes == e.minutes);
        CHECK(target->schedule == e.schedule);
        CHECK(target->label == e.label);
    }
    CHECK(program().find_plan("trial")->target_for(1) == nullptr);  // it borrows standard's
}

TEST_CASE("severity 1 is handled around the clock on every plan with targets") {
    for (const core::Plan& plan : program().plans) {
        if (plan.targets.empty()) continue;
        CAPTURE(plan.id);
        CHECK(plan.target_for(1)->schedule == "around-the-clock");
    }
}

TEST_CASE("a business day is one full day of the plan's support hours") {
    const core::Schedule& standard_hours = *program().find_schedule("standard-hours");
    int business_day = open_minutes(standard_hours.week[0]);
    CHECK(business_day == 12 * 60);
    CHECK(program().find_plan("standard")->target_for(3)->minutes == business_day);
    CHECK(program().find_plan("standard")->target_for(4)->minutes == 2 * business_day);
}

TEST_CASE("routes: three rollout stages first, then general questions and security reports") {
    CHECK(ids_of(program().routes) ==
          std::vector<std::string>{"onboarding", "production", "advanced", "general", "security"});
    struct Expected { const char* id; const char* title; const char* subtitle; bool primary; };
    const Expected expected[] = {
        {"onboarding", "Onboarding", "Tenant, app, or client setup", true},
        {"production", "Production", "Security review or launch readiness", true},
        {"advanced", "Advanced features", "Marketplace, device trust, enterprise setup", true},
        {"general", "General question", nullptr, false},
        {"security", "Security report", nullptr, false},
    };
    for (const Expected& e : expected) {
        CAPTURE(e.id);
        const core::Route& route = *program().find_route(e.id);
        CHECK(route.title == e.title);
        if (e.subtitle) CHECK(route.subtitle == e.subtitle);
        CHECK(route.primary == e.primary);
        CHECK(route.use_when.starts_with("Use this path"));
    }
    const core::Route& onboarding = *program().find_route("onboarding");
    REQUIRE(onboarding.include.size() == 2);
    CHECK(onboarding.include[1] == "Attach the exact error message and timestamp.");
}

TEST_CASE("onboarding asks for the identifiers setup problems need") {
    const std::vector<std::string> captions_in_order = {"Tenant slug", "Organization ID", "Application key",
                                                        "Client purpose", "Registered redirect URIs", "Redirect URI",
                                                        "Exact error message", "Token (JWT)", "When it happened"};
    const core::Route& onboarding = *program().find_route("onboarding");
    REQUIRE(onboarding.fields.size() >= captions_in_order.size());
    for (size_t i = 0; i < captions_in_order.size(); ++i) CHECK(onboarding.fields[i].caption == captions_in_order[i]);

    CHECK(field("onboarding", "tenant").kind == FieldKind::TenantSlug);
    CHECK(field("onboarding", "organization_id").kind == FieldKind::OrganizationId);
    CHECK(field("onboarding", "application").kind == FieldKind::ApplicationKey);
    CHECK(field("onboarding", "registered_redirect_uris").kind == FieldKind::UrlList);
    CHECK(field("onboarding", "redirect_uri").kind == FieldKind::RedirectUri);
    CHECK(field("onboarding", "token").kind == FieldKind::Jwt);
    CHECK(field("onboarding", "occurred_at").kind == FieldKind::Timestamp);
    CHECK(field("onboarding", "redirect_uri").hint.find("exactly") != std::string::npos);
    CHECK(field("onboarding", "client_purpose").choices ==
          std::vector<std::string>{"Interactive web app", "Single-page app", "Native or mobile app",
                                   "Automation (machine to machine)"});
    for (const core::Field& f : onboarding.fields) {
        CAPTURE(f.id);
        CHECK(f.caption != "Tenant or organization");  // its own tenant slug replaces the common field
    }
}

TEST_CASE("production and advanced routes ask for their own details") {
    CHECK(field("production", "topic").choices ==
          std::vector<std::string>{"JWKS validation", "Deployment posture", "Tenant isolation", "Audit retention",
                                   "Webhook delivery", "Evidence"});
    CHECK(field("production", "environment").kind == FieldKind::Choice);
    CHECK(field("production", "deployment_model").kind == FieldKind::Choice);
    CHECK(field("production", "review_timeline").required);

    for (const char* id : {"product", "edition", "entitlement_id", "activation_id", "membership_id",
                           "oidc_provider_id", "scim_connection_id", "release_stage"})
        CHECK_MESSAGE(program().find_route("advanced")->find_field(id), id);
    CHECK(field("advanced", "oidc_provider_id").caption == "OIDC provider ID");
    CHECK(field("advanced", "scim_connection_id").caption == "SCIM connection ID");
    CHECK(field("advanced", "release_stage").kind == FieldKind::Choice);
    CHECK(field("advanced", "release_stage").choices.size() == 2);
}

TEST_CASE("every ticket route ends with the fields every request needs") {
    for (const char* route_id : {"onboarding", "production", "advanced", "general"}) {
        CAPTURE(route_id);
        CHECK(field(route_id, "summary").required);
        CHECK(field(route_id, "description").kind == FieldKind::LongText);
        CHECK(field(route_id, "description").required);
        CHECK_FALSE(field(route_id, "correlation_id").required);
        CHECK_FALSE(field(route_id, "endpoint").required);
        CHECK(program().find_route(route_id)->fields.back().id == "description");
    }
    CHECK(field("production", "tenant").caption == "Tenant or organization");
    CHECK(field("production", "occurred_at").required);
    CHECK_FALSE(field("general", "occurred_at").required);  // the route's own, optional version wins
}

TEST_CASE("security reports are open to everyone, tickets only to paid plans and trials") {
    const core::Route& security = *program().find_route("security");
    const core::Route& onboarding = *program().find_route("onboarding");
    CHECK(security.channel == "security-reports");
    CHECK(security.find_field("correlation_id") == nullptr);  // opted out of the common fields
    CHECK(security.find_field("reporter_email")->kind == FieldKind::Email);
    CHECK_FALSE(security.asks_triage);   // the document says so; no channel name decides it
    CHECK(onboarding.asks_triage);       // the default when a route does not say
    for (const core::Plan& plan : program().plans) {
        CAPTURE(plan.id);
        CHECK(program().route_open_to(security, plan.id));
        CHECK(program().route_open_to(onboarding, plan.id) == (plan.id != "none"));
    }
}

TEST_CASE("core/program/program.json on disk is the document compiled in") {
    std::string text = test_files::read("core/program/program.json");
    REQUIRE_FALSE(text.empty());
    CHECK(text == core::default_program_json());
    core::Parsed<core::Program> parsed = core::parse_program(text);
    REQUIRE_MESSAGE(parsed, parsed.error);
    CHECK(*parsed.value == program());
}

TEST_CASE("another vendor's program loads from a file") {
    core::Parsed<core::Program> parsed = core::parse_program(test_files::read("tests/unit/data/minimal_program.json"));
    REQUIRE_MESSAGE(parsed, parsed.error);
    const core::Program& p = *parsed.value;
    CHECK(p.vendor == "Example Vendor");
    CHECK(p.product_name == "Help Desk");
    CHECK(p.severities.front().level == 1);  // sorted, though the file lists 4 first
    CHECK(p.severities.front().name == "Urgent");

    const core::Schedule& office = p.schedules.at(0);
    CHECK(office.week[0] == std::vector<core::TimeRange>{{"09:00", "12:00"}, {"13:00", "17:00"}});
    CHECK(office.week[6].empty());
    CHECK(office.holidays == std::vector<std::string>{"2024-12-25", "2024-02-29"});
    CHECK(office.breaks == std::vector<core::ScheduleBreak>{{"2024-06-14", "13:00", "17:00"}});

    const core::Route& question = p.routes.at(0);
    CHECK(question.primary);              // default
    CHECK(question.channel == "tickets");  // default
    CHECK(ids_of(question.fields) == std::vector<std::string>{"product", "summary"});
    CHECK(p.route_open_to(question, "basic"));
    CHECK_FALSE(p.route_open_to(question, "free"));
}

TEST_CASE("attachments: 32 MiB kept 90 days after the ticket closes, by the document or by default") {
    CHECK(core::default_program().attachments.max_megabytes == 32);
    CHECK(core::default_program().attachments.max_bytes() == 32 * 1024 * 1024);
    CHECK(core::default_program().attachments.delete_days_after_close == 90);
    core::Parsed<core::Program> minimal = core::parse_program(test_files::read("tests/unit/data/minimal_program.json"));
    REQUIRE(minimal);
    CHECK(minimal.value->attachments == core::AttachmentRules{});
}

TEST_CASE("program_to_json writes a document that reads back to the same program") {
    for (const char* file : {"core/program/program.json", "tests/unit/data/minimal_program.json"}) {
        CAPTURE(file);
        core::Parsed<core::Program> original = core::parse_program(test_files::read(file));
        REQUIRE_MESSAGE(original, original.error);
        std::string written = core::program_to_json(*original.value);
        core::Parsed<core::Program> reread = core::parse_program(written);
        REQUIRE_MESSAGE(reread, reread.error);
        CHECK(*reread.value == *original.value);
    }
}

TEST_CASE("minute_of_day reads HH:MM from 00:00 to 24:00") {
    CHECK(core::minute_of_day("00:00") == 0);
    CHECK(core::minute_of_day("06:30") == 390);
    CHECK(core::minute_of_day("24:00") == 1440);
    CHECK_FALSE(core::minute_of_day("24:01"));
    CHECK_FALSE(core::minute_of_day("12:60"));
    CHECK_FALSE(core::minute_of_day("6:00"));
    CHECK_FALSE(core::minute_of_day("06-00"));
    CHECK_FALSE(core::minute_of_day(""));
}

TEST_CASE("field kinds round trip through their names") {
    for (FieldKind kind : {FieldKind::Text, FieldKind::LongText, FieldKind::TenantSlug, FieldKind::OrganizationId,
                           FieldKind::ApplicationKey, FieldKind::Identifier, FieldKind::Url, FieldKind::Email,
                           FieldKind::Timestamp, FieldKind::Choice, FieldKind::RedirectUri, FieldKind::UrlList,
                           FieldKind::Jwt})
        CHECK(core::field_kind_from_string(core::to_string(kind)) == kind);
    CHECK(core::to_string(FieldKind::LongText) == "long_text");
    CHECK_FALSE(core::field_kind_from_string("colour"));
}

TEST_CASE("text that is not a JSON object is rejected, never thrown") {
    for (std::string_view text : {"", "{", "{\"vendor\": ", "not json", "{\"a\": 1,}"}) {
        CAPTURE(text);
        core::Parsed<core::Program> parsed;
        CHECK_NOTHROW(parsed = core::parse_program(text));
        CHECK_FALSE(parsed);
        CHECK(parsed.error.starts_with("document: not valid JSON at byte "));
    }
    CHECK(core::parse_program("{\"vendor\": }").error.starts_with("document: not valid JSON at byte 12"));
    CHECK(core::parse_program("[]").error == "document: expected an object, got array");
    CHECK(core::parse_program(std::string(60, '[')).error.starts_with("document: not valid JSON"));
    CHECK(core::parse_program(std::string(10000, '[')).error ==
          "document: not readable: arrays and objects nest more than 64 deep");
}

TEST_CASE("every truncation of the built-in document is rejected") {
    std::string_view text = core::default_program_json();
    size_t end_of_object = text.rfind('}');
    for (size_t length = 0; length < end_of_object; length += 61) {
        CAPTURE(length);
        CHECK_FALSE(core::parse_program(text.substr(0, length)));
    }
}

TEST_CASE("a bad document is rejected with the path of the bad field") {
    struct Case {
        const char* what;
        std::function<void(json&)> edit;
        std::string expected;  // the error starts with this
    };
    auto one_break = [](const char* date, const char* from, const char* to) {
        return json::array({{{"date", date}, {"from", from}, {"to", to}}});
    };
    const Case cases[] = {
        {"no vendor", [](json& d) { d.erase("vendor"); }, "vendor: missing"},
        {"empty product name", [](json& d) { d["product_name"] = ""; }, "product_name: must not be empty"},
        {"a severity missing", [](json& d) { d["severities"].erase(2); }, "severities: level 3 is missing"},
        {"a gap in the severities", [](json& d) { d["severities"][0]["level"] = 5; },
         "severities: level 1 is missing"},
        {"severity twice", [](json& d) { d["severities"][3]["level"] = 1; },
         "severities[3].level: duplicate level 1"},
        {"level as text", [](json& d) { d["severities"][0]["level"] = "1"; },
         "severities[0].level: expected a whole number, got \"1\""},
        {"backward hours", [](json& d) { d["schedules"][1]["hours"]["tue"][0] = {"18:00", "06:00"}; },
         "schedules[1].hours.tue[0]: \"18:00\" to \"06:00\" is not a forward range"},
        {"hour 25", [](json& d) { d["schedules"][1]["hours"]["mon"][0][1] = "25:00"; },
         "schedules[1].hours.mon[0]: \"25:00\" is not a time of day"},
        {"time without leading zero", [](json& d) { d["schedules"][1]["hours"]["fri"][0][0] = "6:00"; },
         "schedules[1].hours.fri[0]: \"6:00\" is not a time of day"},
        {"range not a pair", [](json& d) { d["schedules"][1]["hours"]["fri"][0] = {"06:00"}; },
         "schedules[1].hours.fri[0]: expected a pair of times"},
        {"overlapping ranges",
         [](json& d) { d["schedules"][1]["hours"]["mon"] = json::array({{"06:00", "12:00"}, {"11:00", "18:00"}}); },
         "schedules[1].hours.mon[1]: \"11:00\" starts before the previous range ends"},
        {"day missing", [](json& d) { d["schedules"][0]["hours"].erase("sun"); }, "schedules[0].hours.sun: missing"},
        {"unknown day", [](json& d) { d["schedules"][0]["hours"]["monday"] = json::array(); },
         "schedules[0].hours.monday: unknown day"},
        {"never open",
         [](json& d) {
             for (auto day : core::weekday_keys) d["schedules"][2]["hours"][std::string(day)] = json::array();
         },
         "schedules[2].hours: open at no time of the week"},
        {"29 February in a common year", [](json& d) { d["schedules"][1]["holidays"] = {"2023-02-29"}; },
         "schedules[1].holidays[0]: \"2023-02-29\" is not a date"},
        {"holiday twice", [](json& d) { d["schedules"][1]["holidays"] = {"2024-12-25", "2024-12-25"}; },
         "schedules[1].holidays: duplicate date \"2024-12-25\""},
        {"break in month 13",
         [&](json& d) { d["schedules"][1]["breaks"] = one_break("2024-13-01", "12:00", "13:00"); },
         "schedules[1].breaks[0].date: \"2024-13-01\" is not a date"},
        {"backward break",
         [&](json& d) { d["schedules"][1]["breaks"] = one_break("2024-06-14", "13:00", "12:00"); },
         "schedules[1].breaks[0]: \"13:00\" to \"12:00\" is not a forward range"},
        {"schedule id twice", [](json& d) { d["schedules"][2]["id"] = "standard-hours"; },
         "schedules: duplicate id \"standard-hours\""},
        {"unknown schedule", [](json& d) { d["plans"][2]["targets"][0]["schedule"] = "office-hours"; },
         "plans[2].targets[0].schedule: no schedule \"office-hours\""},
        {"severity 0 target", [](json& d) { d["plans"][2]["targets"][0]["severity"] = 0; },
         "plans[2].targets[0].severity: 0 is not between 1 and 9"},
        {"two targets for one severity", [](json& d) { d["plans"][3]["targets"][1]["severity"] = 1; },
         "plans[3].targets[1].severity: severity 1 already has a target"},
        {"a severity without target", [](json& d) { d["plans"][4]["targets"].erase(3); },
         "plans[4].targets: severity 4 has no target"},
        {"zero minutes", [](json& d) { d["plans"][2]["targets"][1]["minutes"] = 0; },
         "plans[2].targets[1].minutes: 0 is not between 1 and"},
        {"fractional minutes", [](json& d) { d["plans"][2]["targets"][1]["minutes"] = 1.5; },
         "plans[2].targets[1].minutes: expected a whole number, got 1.5"},
        {"trial too long to fit an int", [](json& d) { d["plans"][1]["days"] = 4294967296ULL; },
         "plans[1].days: 4294967296 is not between 1 and"},
        {"negative trial", [](json& d) { d["plans"][1]["days"] = -1; }, "plans[1].days: -1 is not between 1 and"},
        {"support as an unknown plan", [](json& d) { d["plans"][1]["support_as"] = "gold"; },
         "plans[1].support_as: no plan \"gold\""},
        {"support as a plan without targets", [](json& d) { d["plans"][1]["support_as"] = "none"; },
         "plans[1].support_as: plan \"none\" has no response targets"},
        {"trial with its own targets", [](json& d) { d["plans"][1]["targets"] = d["plans"][2]["targets"]; },
         "plans[1].targets: must be empty"},
        {"plan id twice", [](json& d) { d["plans"][3]["id"] = "standard"; }, "plans: duplicate id \"standard\""},
        {"channels not a list", [](json& d) { d["plans"][0]["channels"] = "community"; },
         "plans[0].channels: expected an array, got \"community\""},
        {"unknown field kind", [](json& d) { d["routes"][0]["fields"][3]["kind"] = "colour"; },
         "routes[0].fields[3].kind: unknown kind \"colour\""},
        {"choice field without choices", [](json& d) { d["routes"][0]["fields"][3].erase("choices"); },
         "routes[0].fields[3].choices: missing"},
        {"choice field with no choices", [](json& d) { d["routes"][0]["fields"][3]["choices"] = json::array(); },
         "routes[0].fields[3].choices: a choice field needs at least one choice"},
        {"choices on a text field", [](json& d) { d["routes"][0]["fields"][0]["choices"] = {"a"}; },
         "routes[0].fields[0].choices: only choice fields have choices"},
        {"required as text", [](json& d) { d["routes"][0]["fields"][0]["required"] = "yes"; },
         "routes[0].fields[0].required: expected true or false, got \"yes\""},
        {"field id twice", [](json& d) { d["routes"][1]["fields"][1]["id"] = "topic"; },
         "routes[1].fields: duplicate id \"topic\""},
        {"route without fields", [](json& d) { d["routes"][4]["fields"] = json::array(); },
         "routes[4].fields: a route needs at least one field"},
        {"route id twice", [](json& d) { d["routes"][4]["id"] = "onboarding"; },
         "routes: duplicate id \"onboarding\""},
        {"route id unfit for a URL", [](json& d) { d["routes"][0]["id"] = "On Boarding"; },
         "routes[0].id: \"On Boarding\" is not a valid id"},
        {"route not an object", [](json& d) { d["routes"][2] = "advanced"; },
         "routes[2]: expected an object, got \"advanced\""},
        {"no routes", [](json& d) { d["routes"] = json::array(); }, "routes: the program needs at least one route"},
        {"channel no plan offers", [](json& d) { d["routes"][0]["channel"] = "phone"; },
         "routes[0].channel: no plan offers channel \"phone\""},
        {"triage as text", [](json& d) { d["routes"][4]["triage"] = "no"; },
         "routes[4].triage: expected true or false, got \"no\""},
        {"bad common field", [](json& d) { d["common_fields"][0]["kind"] = "colour"; },
         "common_fields[0].kind: unknown kind \"colour\""},
        {"attachments as a list", [](json& d) { d["attachments"] = json::array(); }, "attachments: expected an object, got array"},
        {"attachments of no size", [](json& d) { d["attachments"]["max_megabytes"] = 0; },
         "attachments.max_megabytes: 0 is not between 1 and 1024"},
        {"attachments kept for ever", [](json& d) { d["attachments"]["delete_days_after_close"] = 5000; },
         "attachments.delete_days_after_close: 5000 is not between 0 and 3650"},
    };
    const json original = json::parse(core::default_program_json());
    for (const Case& c : cases) {
        CAPTURE(c.what);
        json doc = original;
        c.edit(doc);
        core::Parsed<core::Program> parsed = core::parse_program(doc.dump());
        CAPTURE(parsed.error);
        CHECK_FALSE(parsed);
        CHECK(parsed.error.starts_with(c.expected));
    }
}

TEST_CASE("members the reader does not know are ignored, so a newer service can add some") {
    json doc = json::parse(core::default_program_json());
    doc["announcements"] = json::array();
    doc["routes"][0]["icon"] = "rocket";
    core::Parsed<core::Program> parsed = core::parse_program(doc.dump());
    REQUIRE_MESSAGE(parsed, parsed.error);
    CHECK(*parsed.value == program());
}
