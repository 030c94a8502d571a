#include "core/sla/response_terms.hpp"

namespace core {

ResponseTermsResult response_terms(const Program& program, std::string_view plan_id, int severity) {
    ResponseTermsResult result;
    ResponseTerms& t = result.terms;
    t.plan = program.find_plan(plan_id);
    if (!t.plan) {
        result.error = "no plan \"" + std::string(plan_id) + "\"";
        return result;
    }
    t.severity = program.find_severity(severity);
    if (!t.severity) {
        result.error = "no severity " + std::to_string(severity) + " (use " + program.severity_range_text() + ")";
        return result;
    }
    t.support = program.support_plan(plan_id);
    if (!t.support) {
        result.error = "plan \"" + std::string(plan_id) + "\" refers to a plan that does not exist";
        return result;
    }
    t.target = t.support->target_for(severity);
    if (t.target) t.schedule = program.find_schedule(t.target->schedule);
    if (t.target && !t.schedule) t.target = nullptr;   // parse_program rejects this; stay safe
    return result;
}

std::string response_promise(const ResponseTerms& terms) {
    if (!terms.target || !terms.support || !terms.severity || !terms.schedule)
        return "Your plan has no response-time target for these requests; support answers as soon as it can";
    return terms.support->name + " responds to Severity " + std::to_string(terms.severity->level) + " (" +
           terms.severity->name + ") requests within " + terms.target->label + " (" + terms.schedule->name + ")";
}

}  // namespace core
