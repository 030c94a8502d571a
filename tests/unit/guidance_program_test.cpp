// The guidance parts of the program document: checklists, the triage tree,
// severity guidance and the status page's regions, as built in and as bad
// documents are rejected.
#include "core/program/program.hpp"
#include "ids_of.hpp"
#include "test_files.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

using nlohmann::json;

namespace {

const core::Program& program() { return core::default_program(); }

// The error for the built-in document after `edit`; empty if it still loads.
std::string error_after(const std::function<void(json&)>& edit) {
    json doc = json::parse(core::default_program_json());
    edit(doc);
    return core::parse_program(doc.dump()).error;
}

}  // namespace

TEST_CASE("the onboarding checklist has the six checks of the onboarding guide") {
    const core::Checklist* onboarding = program().checklist_for_route("onboarding");
    REQUIRE(onboarding);
    CHECK(onboarding->id == "onboarding");
    CHECK(ids_of(onboarding->items) ==
          std::vector<std::string>{"tenant_registered", "application_in_organization", "redirect_uris_match",
                                   "automation_credentials", "jwt_validation_jwks", "marketplace_identifiers"});
    CHECK(onboarding->find_item("redirect_uris_match")->text.find("scheme, host, port and path") != std::string::npos);
    CHECK(onboarding->find_item("jwt_validation_jwks")->text.find("JWKS") != std::string::npos);
    CHECK(onboarding->find_item("clock_sync") == nullptr);
}

TEST_CASE("production carries the operations readiness checklist") {
    const core::Checklist* readiness = program().checklist_for_route("production");
    REQUIRE(readiness);
    CHECK(readiness->id == "operations_readiness");
    CHECK(ids_of(readiness->items) ==
          std::vector<std::string>{"status_monitoring", "own_email_provider", "clock_sync", "load_balancers",
                                   "log_streaming", "rate_limit_monitoring", "synthetic_login", "notifications",
                                   "deployment_automation", "backup_restore", "certificate_rollover",
                                   "disaster_recovery"});
    CHECK(readiness->find_item("clock_sync")->text.find("NTP") != std::string::npos);
    CHECK(program().checklist_for_route("general") == nullptr);
    CHECK(program().checklist_for_route("security") == nullptr);
}

TEST_CASE("every checklist item says what to check and, in one sentence, why") {
    for (const core::Checklist& checklist : program().checklists) {
        CHECK_FALSE(checklist.title.empty());
        CHECK_FALSE(checklist.intro.empty());
        for (const core::ChecklistItem& item : checklist.items) {
            CAPTURE(item.id);
            CHECK(item.text.ends_with('.'));
            CHECK(item.hint.ends_with('.'));
            CHECK(item.hint.find(". ") == std::string::npos);
            CHECK(item.text.find("Auth0") == std::string::npos);
            CHECK(item.hint.find("Auth0") == std::string::npos);
        }
    }
}

TEST_CASE("triage starts with all users or a few, and each side has its checks and a follow-up") {
    const core::Triage& triage = program().triage;
    CHECK(ids_of(triage.questions) == std::vector<std::string>{"all_or_few", "other_apps", "reproducible"});
    const core::TriageQuestion& first = triage.questions.front();
    CHECK(first.text == "Are all users affected or only a few?");
    CHECK(ids_of(first.answers) == std::vector<std::string>{"all", "few"});

    const core::TriageAnswer* all = first.find_answer("all");
    REQUIRE(all);
    CHECK(ids_of(all->checks) == std::vector<std::string>{"service_status", "connections_reachable",
                                                          "application_components", "certificates_valid",
                                                          "ntp_running", "recent_rule_changes", "recent_idp_changes"});
    CHECK(all->next == "other_apps");

    const core::TriageAnswer* few = first.find_answer("few");
    REQUIRE(few);
    CHECK(ids_of(few->checks) == std::vector<std::string>{"clear_cookies", "no_back_button",
                                                          "cookies_javascript_enabled", "user_profile",
                                                          "rules_affecting_profile", "device_policy"});
    CHECK(few->next == "reproducible");

    for (const core::TriageQuestion& q : triage.questions)
        if (&q != &first)
            for (const core::TriageAnswer& a : q.answers) CHECK(a.next.empty());
}

TEST_CASE("severity guidance: four yes/no questions, rules, severity 1 only for production") {
    const core::SeverityGuidance& guidance = program().severity_guidance;
    CHECK(ids_of(guidance.questions) ==
          std::vector<std::string>{"question", "production", "all_users", "major_function_down"});
    for (const core::GuidanceQuestion& q : guidance.questions) {
        CAPTURE(q.id);
        CHECK(ids_of(q.answers) == std::vector<std::string>{"yes", "no"});
        CHECK(q.text.ends_with('?'));
    }
    CHECK(guidance.find_question("production")->text == "Is a production environment affected?");
    CHECK(guidance.severity_1_requires == std::map<std::string, std::string>{{"production", "yes"}});
    CHECK(guidance.severity_1_notice.find("production") != std::string::npos);
    CHECK(guidance.never_raised.find("cannot be raised") != std::string::npos);
    CHECK(guidance.never_raised.find("references") != std::string::npos);
    REQUIRE_FALSE(guidance.rules.empty());
    CHECK(guidance.rules.back().when.empty());
}

TEST_CASE("regions of the status page: Americas, EU, APAC") {
    CHECK(ids_of(program().regions) == std::vector<std::string>{"americas", "eu", "apac"});
    CHECK(program().find_region("eu")->name == "EU");
    CHECK(program().find_region("americas")->name == "Americas");
    CHECK(program().find_region("apac")->name == "APAC");
    CHECK(program().find_region("mars") == nullptr);
}

TEST_CASE("a program without checklists, triage, guidance or regions loads and writes none") {
    core::Parsed<core::Program> parsed = core::parse_program(test_files::read("tests/unit/data/minimal_program.json"));
    REQUIRE_MESSAGE(parsed, parsed.error);
    const core::Program& p = *parsed.value;
    CHECK(p.checklists.empty());
    CHECK(p.triage.questions.empty());
    CHECK(p.severity_guidance.questions.empty());
    CHECK(p.regions.empty());

    json written = json::parse(core::program_to_json(p));
    CHECK_FALSE(written.contains("triage"));
    CHECK_FALSE(written.contains("severity_guidance"));
    core::Parsed<core::Program> reread = core::parse_program(written.dump());
    REQUIRE_MESSAGE(reread, reread.error);
    CHECK(*reread.value == p);
}

TEST_CASE("the guidance parts survive the round trip through program_to_json") {
    core::Parsed<core::Program> reread = core::parse_program(core::program_to_json(program()));
    REQUIRE_MESSAGE(reread, reread.error);
    CHECK(reread.value->checklists == program().checklists);
    CHECK(reread.value->triage == program().triage);
    CHECK(reread.value->severity_guidance == program().severity_guidance);
    CHECK(reread.value->regions == program().regions);
}

TEST_CASE("bad checklists are rejected with the path of the bad member") {
    CHECK(error_after([](json& d) { d["checklists"][1]["route"] = "launch"; }) ==
          "checklists[1].route: no route \"launch\"");
    CHECK(error_after([](json& d) { d["checklists"][1]["route"] = "onboarding"; }) ==
          "checklists[1].route: route \"onboarding\" already has a checklist");
    CHECK(error_after([](json& d) { d["checklists"][1]["id"] = "onboarding"; }) ==
          "checklists: duplicate id \"onboarding\"");
    CHECK(error_after([](json& d) { d["checklists"][0]["items"][1]["id"] = "tenant_registered"; }) ==
          "checklists[0].items: duplicate id \"tenant_registered\"");
    CHECK(error_after([](json& d) { d["checklists"][0]["items"] = json::array(); }) ==
          "checklists[0].items: a checklist needs at least one item");
    CHECK(error_after([](json& d) { d["checklists"][1]["items"][2]["text"] = ""; }) ==
          "checklists[1].items[2].text: must not be empty");
    CHECK(error_after([](json& d) { d["checklists"][0]["items"][0]["id"] = "Tenant Registered"; })
              .starts_with("checklists[0].items[0].id: \"Tenant Registered\" is not a valid id"));
    CHECK(error_after([](json& d) { d["checklists"][0]["items"][0]["hint"] = 3; }) ==
          "checklists[0].items[0].hint: expected a string, got 3");
    CHECK(error_after([](json& d) { d["checklists"] = json::object(); }) ==
          "checklists: expected an array, got object");
}

TEST_CASE("a bad triage tree is rejected with the path of the bad member") {
    CHECK(error_after([](json& d) { d["triage"]["questions"][2]["answers"][0]["next"] = "x"; }) ==
          "triage.questions[2].answers[0].next: unknown question \"x\"");
    // Follow-ups only point down the list, so triage cannot loop.
    CHECK(error_after([](json& d) { d["triage"]["questions"][1]["answers"][0]["next"] = "all_or_few"; }) ==
          "triage.questions[1].answers[0].next: question \"all_or_few\" must be listed after the one it follows");
    CHECK(error_after([](json& d) { d["triage"]["questions"][2]["answers"][1]["next"] = "reproducible"; }) ==
          "triage.questions[2].answers[1].next: question \"reproducible\" must be listed after the one it follows");
    CHECK(error_after([](json& d) { d["triage"]["questions"][0]["answers"][1].erase("next"); }) ==
          "triage.questions[2]: no answer leads to \"reproducible\"");
    CHECK(error_after([](json& d) { d["triage"]["questions"][1]["answers"].erase(1); }) ==
          "triage.questions[1].answers: a question needs at least two answers");
    CHECK(error_after([](json& d) { d["triage"]["questions"][0]["answers"][1]["id"] = "all"; }) ==
          "triage.questions[0].answers: duplicate id \"all\"");
    CHECK(error_after([](json& d) { d["triage"]["questions"][0]["answers"][0]["checks"][3]["id"] = "ntp_running"; }) ==
          "triage.questions[0].answers[0].checks: duplicate id \"ntp_running\"");
    CHECK(error_after([](json& d) { d["triage"]["questions"][0]["answers"][0]["checks"][0]["text"] = ""; }) ==
          "triage.questions[0].answers[0].checks[0].text: must not be empty");
    CHECK(error_after([](json& d) { d["triage"]["questions"] = json::array(); }) ==
          "triage.questions: needs at least one question");
    CHECK(error_after([](json& d) { d["triage"].erase("questions"); }) == "triage.questions: missing");
    CHECK(error_after([](json& d) { d["triage"] = json::array(); }) == "triage: expected an object, got array");
}

TEST_CASE("bad severity guidance is rejected with the path of the bad member") {
    const std::string g = "severity_guidance";
    CHECK(error_after([](json& d) { d["severity_guidance"]["questions"][0]["id"] = "reproducible"; })
              .starts_with(g + ".questions[0].id: \"reproducible\" is also a triage question"));
    CHECK(error_after([](json& d) { d["severity_guidance"]["rules"][0]["when"] = {{"colour", "yes"}}; }) ==
          g + ".rules[0].when.colour: unknown question \"colour\"");
    CHECK(error_after([](json& d) { d["severity_guidance"]["rules"][1]["when"]["production"] = "maybe"; }) ==
          g + ".rules[1].when.production: \"maybe\" is not an answer to \"production\"");
    CHECK(error_after([](json& d) { d["severity_guidance"]["rules"][0]["when"]["question"] = true; }) ==
          g + ".rules[0].when.question: expected a string, got true");
    CHECK(error_after([](json& d) { d["severity_guidance"]["rules"][0]["severity"] = 5; }) ==
          g + ".rules[0].severity: no severity 5");
    CHECK(error_after([](json& d) { d["severity_guidance"]["rules"][0].erase("when"); }) ==
          g + ".rules[0].when: missing");
    CHECK(error_after([](json& d) { d["severity_guidance"]["rules"].erase(3); })
              .starts_with(g + ".rules: the last rule needs an empty \"when\""));
    CHECK(error_after([](json& d) { d["severity_guidance"]["rules"][2]["when"] = json::object(); }) ==
          g + ".rules[2].when: is empty, so the rules after it never apply");
    CHECK(error_after([](json& d) { d["severity_guidance"]["rules"] = json::array(); })
              .starts_with(g + ".rules: the last rule needs an empty \"when\""));
    CHECK(error_after([](json& d) { d["severity_guidance"]["rules"][1]["when"].erase("production"); }) ==
          g + ".rules[1]: suggests severity 1 without \"production\": \"yes\", which severity 1 requires");
    CHECK(error_after([](json& d) { d["severity_guidance"]["rules"][2]["severity"] = 1; }) ==
          g + ".rules[2]: suggests severity 1 without \"production\": \"yes\", which severity 1 requires");
    CHECK(error_after([](json& d) { d["severity_guidance"]["severity_1_requires"] = {{"staging", "yes"}}; }) ==
          g + ".severity_1_requires.staging: unknown question \"staging\"");
    CHECK(error_after([](json& d) { d["severity_guidance"].erase("severity_1_notice"); }) ==
          g + ".severity_1_notice: missing");
    CHECK(error_after([](json& d) { d["severity_guidance"]["questions"][2]["answers"][1]["id"] = "yes"; }) ==
          g + ".questions[2].answers: duplicate id \"yes\"");
    CHECK(error_after([](json& d) { d["severity_guidance"]["never_raised"] = 1; }) ==
          g + ".never_raised: expected a string, got 1");
    // Without severity_1_requires, a rule may suggest severity 1 on any answers.
    CHECK(error_after([](json& d) {
              d["severity_guidance"].erase("severity_1_requires");
              d["severity_guidance"]["rules"][1]["when"].erase("production");
          }) == "");
}

TEST_CASE("bad regions are rejected with the path of the bad member") {
    CHECK(error_after([](json& d) { d["regions"][2]["zone_prefixes"].push_back("Europe/"); }) ==
          "regions: duplicate zone prefix \"Europe/\"");
    CHECK(error_after([](json& d) { d["regions"][2]["id"] = "eu"; }) == "regions: duplicate id \"eu\"");
    CHECK(error_after([](json& d) { d["regions"][0]["zone_prefixes"][0] = ""; }) ==
          "regions[0].zone_prefixes[0]: must not be empty");
    CHECK(error_after([](json& d) { d["regions"][1].erase("name"); }) == "regions[1].name: missing");
    CHECK(error_after([](json& d) { d["regions"][1]["zone_prefixes"] = "Europe/"; }) ==
          "regions[1].zone_prefixes: expected an array, got \"Europe/\"");
}
