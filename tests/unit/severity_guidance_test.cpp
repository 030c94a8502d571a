// Severity guidance over the built-in rules: each rule's suggestion, which
// answers are still needed, and the explanation with the definition.
#include "core/program/severity_guidance.hpp"
#include "test_files.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

namespace {

using Answers = std::map<std::string, std::string>;

const core::Program& program() { return core::default_program(); }

std::optional<int> suggest(const Answers& answers) { return core::suggest_severity(program(), answers); }

std::vector<std::string> missing(const Answers& answers) {
    std::vector<std::string> ids;
    for (const core::GuidanceQuestion* q : core::severity_questions_missing(program(), answers)) ids.push_back(q->id);
    return ids;
}

}  // namespace

TEST_CASE("no suggestion until the answers decide one") {
    CHECK(suggest({}) == std::nullopt);
    CHECK(missing({}) == std::vector<std::string>{"question"});
    // Severity 1 needs all three answers before any later rule can apply.
    CHECK(suggest({{"question", "no"}}) == std::nullopt);
    CHECK(missing({{"question", "no"}}) ==
          std::vector<std::string>{"production", "all_users", "major_function_down"});
    CHECK(suggest({{"question", "no"}, {"production", "yes"}, {"all_users", "yes"}}) == std::nullopt);
    CHECK(missing({{"question", "no"}, {"production", "yes"}, {"all_users", "yes"}}) ==
          std::vector<std::string>{"major_function_down"});
    // Outside production severity 1 is out of the question, so all_users is not needed.
    CHECK(missing({{"question", "no"}, {"production", "no"}}) == std::vector<std::string>{"major_function_down"});
}

TEST_CASE("each rule suggests its severity, first match winning") {
    struct Case {
        const char* what;
        Answers answers;
        int expected;
    };
    const Case cases[] = {
        {"how-to question", {{"question", "yes"}}, 4},
        {"how-to question, whatever else is answered",
         {{"question", "yes"}, {"production", "yes"}, {"all_users", "yes"}, {"major_function_down", "yes"}}, 4},
        {"production down for all users",
         {{"question", "no"}, {"production", "yes"}, {"all_users", "yes"}, {"major_function_down", "yes"}}, 1},
        {"production down for some users",
         {{"question", "no"}, {"production", "yes"}, {"all_users", "no"}, {"major_function_down", "yes"}}, 2},
        {"staging down, all users not asked", {{"question", "no"}, {"production", "no"}, {"major_function_down", "yes"}}, 2},
        {"staging down for all users",
         {{"question", "no"}, {"production", "no"}, {"all_users", "yes"}, {"major_function_down", "yes"}}, 2},
        {"a minor function in production for all users",
         {{"question", "no"}, {"production", "yes"}, {"all_users", "yes"}, {"major_function_down", "no"}}, 3},
        {"a minor function in staging", {{"question", "no"}, {"production", "no"}, {"major_function_down", "no"}}, 3},
        // An answer the question does not have rules a rule out like any other mismatch.
        {"unknown answer", {{"question", "perhaps"}, {"production", "no"}, {"major_function_down", "no"}}, 3},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(suggest(c.answers) == c.expected);
        CHECK(missing(c.answers).empty());
    }
}

TEST_CASE("the explanation names the severity, its definition and the answers that decided it") {
    auto explained = core::explain_severity(
        program(), {{"question", "no"}, {"production", "no"}, {"all_users", "yes"}, {"major_function_down", "yes"}});
    REQUIRE(explained);
    REQUIRE(explained->severity);
    CHECK(explained->severity->level == 2);
    REQUIRE(explained->because.size() == 1);
    CHECK(explained->because[0].question->id == "major_function_down");
    CHECK(explained->because[0].answer->id == "yes");
    CHECK(explained->text.starts_with("Severity 2 (High), Significant Business Impact: "));
    CHECK(explained->text.ends_with(program().find_severity(2)->definition));

    auto urgent = core::explain_severity(
        program(), {{"question", "no"}, {"production", "yes"}, {"all_users", "yes"}, {"major_function_down", "yes"}});
    REQUIRE(urgent);
    CHECK(urgent->severity->level == 1);
    std::vector<std::string> because;
    for (const core::GivenAnswer& given : urgent->because) because.push_back(given.question->id);
    CHECK(because == std::vector<std::string>{"production", "all_users", "major_function_down"});

    auto fallback = core::explain_severity(program(), {{"question", "no"}, {"production", "no"}, {"major_function_down", "no"}});
    REQUIRE(fallback);
    CHECK(fallback->severity->level == 3);
    CHECK(fallback->because.empty());

    CHECK_FALSE(core::explain_severity(program(), {{"question", "no"}}));
}

TEST_CASE("severity labels use the program's names") {
    CHECK(core::severity_label(program(), 1) == "Severity 1 (Urgent)");
    CHECK(core::severity_label(program(), 4) == "Severity 4 (Low)");
    CHECK(core::severity_label(program(), 7) == "Severity 7");
}

TEST_CASE("severity 1 is allowed only with a production answer of yes") {
    CHECK(core::severity_1_allowed(program(), {{"production", "yes"}}));
    CHECK_FALSE(core::severity_1_allowed(program(), {{"production", "no"}}));
    CHECK_FALSE(core::severity_1_allowed(program(), {}));
}

TEST_CASE("a program without guidance suggests nothing and allows any severity") {
    core::Parsed<core::Program> parsed = core::parse_program(test_files::read("tests/unit/data/minimal_program.json"));
    REQUIRE_MESSAGE(parsed, parsed.error);
    CHECK(core::suggest_severity(*parsed.value, {{"question", "no"}}) == std::nullopt);
    CHECK(core::severity_questions_missing(*parsed.value, {}).empty());
    CHECK(core::severity_1_allowed(*parsed.value, {}));
}
