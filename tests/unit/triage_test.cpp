// Walking the built-in triage tree: which questions show, in which order,
// and which checks the chosen answers lead to.
#include "core/program/triage.hpp"
#include "test_files.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

namespace {

core::TriageView view(const std::map<std::string, std::string>& answers) {
    return core::triage_view(core::default_program(), answers);
}

std::vector<std::string> questions(const core::TriageView& v) {
    std::vector<std::string> ids;
    for (const core::TriageStep& step : v.steps) ids.push_back(step.question->id);
    return ids;
}

std::vector<std::string> checks(const core::TriageView& v) {
    std::vector<std::string> ids;
    for (const core::TriageCheck* check : v.checks) ids.push_back(check->id);
    return ids;
}

}  // namespace

TEST_CASE("triage opens with all users or a few, and no checks yet") {
    core::TriageView v = view({});
    CHECK(questions(v) == std::vector<std::string>{"all_or_few"});
    CHECK(v.steps[0].answer == nullptr);
    CHECK(v.checks.empty());
    CHECK_FALSE(v.complete);
    CHECK(v.off_path.empty());
}

TEST_CASE("all users: service and configuration checks, then whether other apps work") {
    core::TriageView v = view({{"all_or_few", "all"}});
    CHECK(questions(v) == std::vector<std::string>{"all_or_few", "other_apps"});
    CHECK(v.steps[0].answer->id == "all");
    CHECK(v.steps[1].answer == nullptr);
    CHECK(checks(v) == std::vector<std::string>{"service_status", "connections_reachable", "application_components",
                                                "certificates_valid", "ntp_running", "recent_rule_changes",
                                                "recent_idp_changes"});
    CHECK_FALSE(v.complete);

    core::TriageView done = view({{"all_or_few", "all"}, {"other_apps", "no"}});
    CHECK(done.complete);
    CHECK(checks(done).back() == "identity_provider_health");
    CHECK(checks(done).size() == 8);
}

TEST_CASE("a few users: browser and profile checks, then whether it can be repeated") {
    core::TriageView v = view({{"all_or_few", "few"}, {"reproducible", "yes"}});
    CHECK(questions(v) == std::vector<std::string>{"all_or_few", "reproducible"});
    CHECK(checks(v) == std::vector<std::string>{"clear_cookies", "no_back_button", "cookies_javascript_enabled",
                                                "user_profile", "rules_affecting_profile", "device_policy",
                                                "har_file"});
    CHECK(v.complete);
}

TEST_CASE("answers off the path are named so they do not go with the ticket") {
    // Answered "few" first, then changed to "all": the repetition answer no longer applies.
    core::TriageView v = view({{"all_or_few", "all"}, {"reproducible", "no"}, {"other_apps", "yes"}});
    CHECK(questions(v) == std::vector<std::string>{"all_or_few", "other_apps"});
    CHECK(v.off_path == std::vector<std::string>{"reproducible"});
    CHECK(checks(v).back() == "compare_app_settings");
}

TEST_CASE("an answer the question does not have counts as unanswered") {
    core::TriageView v = view({{"all_or_few", "some"}, {"other_apps", "yes"}});
    CHECK(questions(v) == std::vector<std::string>{"all_or_few"});
    CHECK(v.steps[0].answer == nullptr);
    CHECK(v.checks.empty());
    CHECK(v.off_path == std::vector<std::string>{"other_apps"});
}

TEST_CASE("severity answers in the same map leave triage alone") {
    core::TriageView v = view({{"production", "yes"}, {"all_users", "yes"}});
    CHECK(questions(v) == std::vector<std::string>{"all_or_few"});
    CHECK(v.off_path.empty());
}

TEST_CASE("a program without triage has nothing to ask") {
    core::Parsed<core::Program> parsed = core::parse_program(test_files::read("tests/unit/data/minimal_program.json"));
    REQUIRE_MESSAGE(parsed, parsed.error);
    core::TriageView v = core::triage_view(*parsed.value, {{"all_or_few", "all"}});
    CHECK(v.steps.empty());
    CHECK(v.checks.empty());
    CHECK(v.complete);
}
