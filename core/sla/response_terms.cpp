#include "core/sla/response_terms.hpp"

namespace core {

Parsed<ResponseTerms> response_terms(const Program& program, std::string_view plan_id, int severity) {
    ResponseTerms t;
    t.plan = program.find_plan(plan_id);
    if (!t.plan) return Parsed<ResponseTerms>::failure("no plan \"" + std::string(plan_id) + "\"");
    t.severity = program.find_severity(severity);
    if (!t.severity)
        return Parsed<ResponseTerms>::failure("no severity " + std::to_string(severity) + " (use " +
                                              program.severity_range_text() + ")");
    t.support = program.support_plan(plan_id);
    if (!t.support)
        return Parsed<ResponseTerms>::failure("plan \"" + std::string(plan_id) + "\" refers to a plan that does not exist");
    t.target = t.support->target_for(severity);
    if (t.target) t.schedule = program.find_schedule(t.target->schedule);
    if (t.target && !t.schedule) t.target = nullptr;   // parse_program rejects this; stay safe
    return {t, {}};
}

std::string response_promise(const ResponseTerms& terms) {
    if (!terms.target || !terms.support || !terms.severity || !terms.schedule)
        return "Your plan has no response-time target for these requests; support answers as soon as it can";
    return terms.support->name + " responds to Severity " + std::to_string(terms.severity->level) + " (" +
           terms.severity->name + ") requests within " + terms.target->label + " (" + terms.schedule->name + ")";
}

}  // namespace core
