// check_answers: unknown questions and answers, checklist items that are not
// on the route's checklist, and severity 1 outside production.
#include "core/program/guided_answers.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

core::TicketDraft onboarding_draft() {
    core::TicketDraft draft;
    draft.tenant = "acme-prod";
    draft.route = "onboarding";
    draft.severity = 3;
    draft.answers = {{"all_or_few", "few"}, {"reproducible", "yes"}, {"question", "no"},
                     {"production", "no"},  {"all_users", "no"},      {"major_function_down", "no"}};
    draft.checklist = {{"tenant_registered", true}, {"redirect_uris_match", false}};
    return draft;
}

std::vector<core::FieldIssue> check(const core::TicketDraft& draft) {
    return core::check_answers(core::default_program(), draft);
}

std::vector<std::string> fields(const std::vector<core::FieldIssue>& issues) {
    std::vector<std::string> names;
    for (const core::FieldIssue& issue : issues) names.push_back(issue.field);
    return names;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("known answers and items of the route's checklist pass") {
    CHECK(check(onboarding_draft()).empty());

    core::TicketDraft production = onboarding_draft();
    production.route = "production";
    production.checklist = {{"clock_sync", true}, {"disaster_recovery", false}};
    CHECK(check(production).empty());

    core::TicketDraft bare;
    bare.route = "general";
    CHECK(check(bare).empty());
}

TEST_CASE("an unknown question is named on its own field") {
    core::TicketDraft draft = onboarding_draft();
    draft.answers["colour"] = "blue";
    auto issues = check(draft);
    REQUIRE(fields(issues) == std::vector<std::string>{"answers.colour"});
    CHECK(issues[0].blocking);
    CHECK(contains(issues[0].message, "\"colour\""));
    CHECK(contains(issues[0].message, "reload"));
}

TEST_CASE("an answer the question does not have lists the answers it does have") {
    core::TicketDraft draft = onboarding_draft();
    draft.answers["production"] = "maybe";
    draft.answers["all_or_few"] = "most";
    auto issues = check(draft);
    REQUIRE(fields(issues) == std::vector<std::string>{"answers.all_or_few", "answers.production"});
    CHECK(issues[0].message ==
          "\"most\" is not an answer to \"Are all users affected or only a few?\"; choose \"All or most users\" or "
          "\"Only a few users\".");
    CHECK(issues[1].message ==
          "\"maybe\" is not an answer to \"Is a production environment affected?\"; choose \"Yes\" or \"No\".");
}

TEST_CASE("checklist items must be on the checklist of the draft's route") {
    core::TicketDraft draft = onboarding_draft();
    draft.checklist["clock_sync"] = true;  // an operations readiness item, not onboarding
    auto issues = check(draft);
    REQUIRE(fields(issues) == std::vector<std::string>{"checklist.clock_sync"});
    CHECK(contains(issues[0].message, "Onboarding checklist"));

    draft.route = "general";  // no checklist at all
    issues = check(draft);
    CHECK(fields(issues) ==
          std::vector<std::string>{"checklist.clock_sync", "checklist.redirect_uris_match", "checklist.tenant_registered"});
    CHECK(contains(issues[0].message, "no checklist"));
}

TEST_CASE("severity 1 outside production is refused, with what to choose instead") {
    core::TicketDraft draft = onboarding_draft();
    draft.severity = 1;
    auto issues = check(draft);
    REQUIRE(fields(issues) == std::vector<std::string>{"severity"});
    CHECK(issues[0].blocking);
    CHECK(issues[0].message.starts_with(core::default_program().severity_guidance.severity_1_notice));
    CHECK(contains(issues[0].message, "production outages"));
    CHECK(contains(issues[0].message, "Your answers suggest Severity 3 (Normal); choose that instead."));

    // Production not answered yet: the next level down, or say it is production.
    draft.answers = {};
    issues = check(draft);
    REQUIRE(fields(issues) == std::vector<std::string>{"severity"});
    CHECK(contains(issues[0].message, "Choose Severity 2 (High) or lower, or answer "
                                      "\"Is a production environment affected?\" with \"Yes\" if that is the case."));

    // Answered no, and the other answers do not decide yet.
    draft.answers = {{"question", "no"}, {"production", "no"}};
    issues = check(draft);
    REQUIRE(fields(issues) == std::vector<std::string>{"severity"});
    CHECK(issues[0].message.ends_with("Choose Severity 2 (High) or lower."));
}

TEST_CASE("severity 1 in production, and other severities anywhere, pass") {
    core::TicketDraft draft = onboarding_draft();
    draft.severity = 1;
    draft.answers["production"] = "yes";
    CHECK(check(draft).empty());

    draft.answers = {};
    for (int severity : {2, 3, 4}) {
        draft.severity = severity;
        CHECK(check(draft).empty());
    }
}
