#include "core/program/severity_guidance.hpp"

#include <algorithm>

namespace core {

namespace {

struct Evaluation {
    const SeverityRule* rule = nullptr;   // the first rule that matches
    std::vector<std::string> missing;     // otherwise: what the first undecided rule still needs
};

// First match wins, so a rule can only be passed over once an answer rules it
// out; a rule with an unanswered question stops the walk.
Evaluation evaluate(const SeverityGuidance& guidance, const std::map<std::string, std::string>& answers) {
    for (const SeverityRule& rule : guidance.rules) {
        std::vector<std::string> missing;
        bool ruled_out = false;
        for (const auto& [question, wanted] : rule.when) {
            auto given = answers.find(question);
            if (given == answers.end())
                missing.push_back(question);
            else if (given->second != wanted)
                ruled_out = true;
        }
        if (ruled_out) continue;
        if (!missing.empty()) return {nullptr, std::move(missing)};
        return {&rule, {}};
    }
    return {};
}

}  // namespace

std::optional<int> suggest_severity(const Program& program, const std::map<std::string, std::string>& answers) {
    Evaluation result = evaluate(program.severity_guidance, answers);
    if (!result.rule) return std::nullopt;
    return result.rule->severity;
}

std::vector<const GuidanceQuestion*> severity_questions_missing(const Program& program,
                                                                const std::map<std::string, std::string>& answers) {
    Evaluation result = evaluate(program.severity_guidance, answers);
    std::vector<const GuidanceQuestion*> missing;
    for (const GuidanceQuestion& question : program.severity_guidance.questions)
        if (std::find(result.missing.begin(), result.missing.end(), question.id) != result.missing.end())
            missing.push_back(&question);
    return missing;
}

std::optional<SeverityExplanation> explain_severity(const Program& program,
                                                    const std::map<std::string, std::string>& answers) {
    Evaluation result = evaluate(program.severity_guidance, answers);
    if (!result.rule) return std::nullopt;
    SeverityExplanation explanation;
    explanation.severity = program.find_severity(result.rule->severity);
    if (!explanation.severity) return std::nullopt;  // the parser rules this out
    for (const GuidanceQuestion& question : program.severity_guidance.questions) {
        auto wanted = result.rule->when.find(question.id);
        if (wanted != result.rule->when.end())
            explanation.because.push_back({&question, question.find_answer(wanted->second)});
    }
    const Severity& s = *explanation.severity;
    explanation.text = severity_label(program, s.level) + ", " + s.title + ": " + s.definition;
    return explanation;
}

std::string severity_label(const Program& program, int level) {
    std::string label = "Severity " + std::to_string(level);
    if (const Severity* s = program.find_severity(level)) label += " (" + s->name + ")";
    return label;
}

bool severity_1_allowed(const Program& program, const std::map<std::string, std::string>& answers) {
    for (const auto& [question, wanted] : program.severity_guidance.severity_1_requires) {
        auto given = answers.find(question);
        if (given == answers.end() || given->second != wanted) return false;
    }
    return true;
}

}  // namespace core
