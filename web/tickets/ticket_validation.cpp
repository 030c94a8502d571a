#include "web/tickets/ticket_validation.hpp"

#include "core/checks/field_check.hpp"

#include <algorithm>

namespace web {

std::vector<FieldProblem> ticket_draft_problems(const core::Program& program, const core::TicketDraft& draft,
                                                const std::string& plan, TimeZones& zones, core::Instant now) {
    const core::TimeZone* zone = draft.customer_time_zone.empty() ? nullptr : zones.find(draft.customer_time_zone);
    std::vector<FieldProblem> problems;
    for (const core::FieldIssue& issue : core::check_draft(program, draft, plan, core::FieldCheckContext{now, zone}))
        if (issue.blocking) problems.push_back({issue.field, issue.message});

    auto about = [&](const std::string& field) {
        return std::any_of(problems.begin(), problems.end(), [&](const FieldProblem& problem) { return problem.field == field; });
    };
    if (!zone && !about("customer_time_zone"))
        problems.push_back({"customer_time_zone",
                            draft.customer_time_zone.empty()
                                ? "Choose the time zone the response time is counted in, like Europe/Berlin."
                                : "\"" + draft.customer_time_zone + "\" is not a time zone this service knows; choose one like Europe/Berlin."});
    return problems;
}

std::string problems_detail(const std::vector<FieldProblem>& problems, const std::string& what) {
    if (problems.size() == 1) return problems.front().message;
    return "Check the " + what + ": " + std::to_string(problems.size()) + " things need attention.";
}

}  // namespace web
