// Severity guidance: the program's yes/no questions and rules turned into a
// suggested severity with its definition. The customer still chooses; the
// suggestion says which definition their answers fit. Answers are question
// id -> answer id, as in TicketDraft::answers.
#pragma once

#include "core/program/program.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace core {

// The severity of the first rule that matches; nullopt while an answer that
// decides it is still missing, or when the program gives no guidance.
std::optional<int> suggest_severity(const Program& program, const std::map<std::string, std::string>& answers);

// The unanswered questions that would decide the suggestion, in the
// program's order; empty once there is a suggestion.
std::vector<const GuidanceQuestion*> severity_questions_missing(const Program& program,
                                                                const std::map<std::string, std::string>& answers);

struct GivenAnswer {
    const GuidanceQuestion* question = nullptr;
    const GuidanceAnswer* answer = nullptr;
};

struct SeverityExplanation {
    const Severity* severity = nullptr;   // level, name, title and definition
    std::vector<GivenAnswer> because;     // the answers the matching rule asked for, in the program's order
    std::string text;                     // "Severity 2 (High), Significant Business Impact: A defect ..."
};

// The suggestion with its definition; nullopt when suggest_severity has none.
std::optional<SeverityExplanation> explain_severity(const Program& program,
                                                    const std::map<std::string, std::string>& answers);

// "Severity 2 (High)"; "Severity 5" for a level the program does not define.
std::string severity_label(const Program& program, int level);

// Whether the answers give severity 1 what the program requires of it
// (severity_guidance.severity_1_requires; a program without requirements allows it).
bool severity_1_allowed(const Program& program, const std::map<std::string, std::string>& answers);

}  // namespace core
