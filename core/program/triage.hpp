// Triage before filing: which of the program's questions to show given the
// answers so far (question id -> answer id, as in TicketDraft::answers), and
// what the chosen answers say to check.
#pragma once

#include "core/program/program.hpp"

#include <map>
#include <string>
#include <vector>

namespace core {

struct TriageStep {
    const TriageQuestion* question = nullptr;
    const TriageAnswer* answer = nullptr;         // nullptr while unanswered
};

struct TriageView {
    std::vector<TriageStep> steps;                // from the first question down the chosen answers
    std::vector<const TriageCheck*> checks;       // of the chosen answers, in order
    bool complete = false;                        // every question on the path is answered
    // Answered triage questions that are no longer on the path, because an
    // earlier answer changed; they should not go with the ticket.
    std::vector<std::string> off_path;
};

// Only the last step can be unanswered. An answer id the question does not
// have counts as unanswered. A program without triage gives a complete, empty view.
TriageView triage_view(const Program& program, const std::map<std::string, std::string>& answers);

}  // namespace core
