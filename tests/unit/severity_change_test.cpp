// Severity changes on an existing ticket, one rule for portal and service,
// over whatever severities the program defines.
#include "core/sla/severity_change.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace core;
using nlohmann::json;

namespace {

// The built-in program with a fifth, least urgent severity and a target for
// it in every plan that has targets.
Program five_severities() {
    json doc = json::parse(default_program_json());
    doc["severities"].push_back({{"level", 5}, {"name", "Planning"}, {"title", "Planning question"},
                                 {"definition", "Help with something months away."}});
    for (json& plan : doc["plans"]) {
        if (plan["targets"].empty()) continue;
        json target = plan["targets"].back();
        target["severity"] = 5;
        plan["targets"].push_back(target);
    }
    Parsed<Program> parsed = parse_program(doc.dump());
    REQUIRE_MESSAGE(parsed, parsed.error);
    return std::move(*parsed.value);
}

}  // namespace

TEST_CASE("the range and the ends come from the program's severities") {
    CHECK(default_program().severity_range_text() == "1 (Urgent) to 4 (Low)");
    CHECK_FALSE(can_lower(default_program(), 4));
    CHECK(can_lower(default_program(), 3));
    const Program five = five_severities();
    CHECK(five.severity_range_text() == "1 (Urgent) to 5 (Planning)");
    CHECK(can_lower(five, 4));
    CHECK_FALSE(can_lower(five, 5));
    CHECK_FALSE(can_escalate(1));
    CHECK(can_escalate(2));
}

TEST_CASE("escalating: only to a more urgent severity the program has") {
    const Program& p = default_program();
    CHECK(escalation_severity_problem(p, "T-1", 3, 2).empty());
    CHECK(escalation_severity_problem(p, "T-1", 3, 1).empty());
    const std::string more_urgent = "Choose a severity more urgent than T-1's Severity 3: from 1 to 2.";
    CHECK(escalation_severity_problem(p, "T-1", 3, 3) == more_urgent);
    CHECK(escalation_severity_problem(p, "T-1", 3, 4) == more_urgent);
    CHECK(escalation_severity_problem(p, "T-1", 3, 0) == more_urgent);   // not chosen yet
    CHECK(escalation_severity_problem(p, "T-1", 1, 1) == "T-1 is at Severity 1 already, the most urgent.");
    CHECK(escalation_severity_problem(five_severities(), "T-2", 5, 4).empty());
}

TEST_CASE("changing in place: less urgent or the same, never more urgent") {
    const Program& p = default_program();
    CHECK(lowering_severity_problem(p, "T-1", 2, 4).empty());
    CHECK(lowering_severity_problem(p, "T-1", 2, 2).empty());
    CHECK(lowering_severity_problem(p, "T-1", 2, 1).starts_with("Severity cannot be raised on an existing ticket: T-1 "
                                                                  "stays at Severity 2. To make it more urgent, escalate"));
    CHECK(lowering_severity_problem(p, "T-1", 2, 5) == "Choose a severity from 1 (Urgent) to 4 (Low).");
    CHECK(lowering_severity_problem(five_severities(), "T-1", 2, 5).empty());
}
