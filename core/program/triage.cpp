#include "core/program/triage.hpp"

namespace core {

TriageView triage_view(const Program& program, const std::map<std::string, std::string>& answers) {
    TriageView view;
    const Triage& triage = program.triage;
    // The parser makes every follow-up come later in the list, so this walk ends.
    const TriageQuestion* question = triage.questions.empty() ? nullptr : &triage.questions.front();
    while (question) {
        TriageStep step{question, nullptr};
        if (auto given = answers.find(question->id); given != answers.end())
            step.answer = question->find_answer(given->second);
        view.steps.push_back(step);
        if (!step.answer) break;
        for (const TriageCheck& check : step.answer->checks) view.checks.push_back(&check);
        question = step.answer->next.empty() ? nullptr : triage.find_question(step.answer->next);
    }
    view.complete = view.steps.empty() || view.steps.back().answer;

    for (const TriageQuestion& q : triage.questions) {
        bool on_path = false;
        for (const TriageStep& step : view.steps) on_path = on_path || step.question == &q;
        if (!on_path && answers.count(q.id)) view.off_path.push_back(q.id);
    }
    return view;
}

}  // namespace core
