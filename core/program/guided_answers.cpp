#include "core/program/guided_answers.hpp"


#include "core/program/severity_guidance.hpp"
#include "core/text/utf8_text.hpp"

namespace core {

namespace {


// "\"Yes\" or \"No\"", "\"A\", \"B\" or \"C\"".
template <typename Answers>
std::string one_of(const Answers& answers) {
    std::string text;
    for (size_t i = 0; i < answers.size(); ++i) {
        if (i > 0) text += i + 1 == answers.size() ? " or " : ", ";
        text += in_quotes(answers[i].text);
    }
    return text;
}

template <typename Question>
void check_answer(const Question& question, const std::string& answer, std::vector<FieldIssue>& issues) {
    if (question.find_answer(answer)) return;
    issues.push_back({"answers." + question.id, in_quotes(answer) + " is not an answer to " +
                                                    in_quotes(question.text) + "; choose " + one_of(question.answers) +
                                                    "."});
}

// What to pick instead of severity 1: the suggestion if the answers give one,
// otherwise the next level down, and how severity 1 could still apply.
std::string instead_of_severity_1(const Program& program, const std::map<std::string, std::string>& answers) {
    std::optional<int> suggested = suggest_severity(program, answers);
    if (suggested && *suggested != 1)
        return "Your answers suggest " + severity_label(program, *suggested) + "; choose that instead.";
    std::string text = "Choose " + severity_label(program, 2) + " or lower";
    for (const auto& [question_id, wanted] : program.severity_guidance.severity_1_requires) {
        const GuidanceQuestion* question = program.severity_guidance.find_question(question_id);
        if (!question || answers.count(question_id)) continue;
        const GuidanceAnswer* answer = question->find_answer(wanted);
        text += ", or answer " + in_quotes(question->text) + " with " + in_quotes(answer ? answer->text : wanted) +
                " if that is the case";
        break;  // one open question is enough to point the way
    }
    return text + ".";
}

}  // namespace

std::vector<FieldIssue> check_answers(const Program& program, const TicketDraft& draft) {
    std::vector<FieldIssue> issues;
    for (const auto& [question_id, answer] : draft.answers) {
        if (const TriageQuestion* q = program.triage.find_question(question_id))
            check_answer(*q, answer, issues);
        else if (const GuidanceQuestion* q = program.severity_guidance.find_question(question_id))
            check_answer(*q, answer, issues);
        else
            issues.push_back({"answers." + question_id,
                              "There is no question " + in_quotes(question_id) +
                                  " any more; reload the page to get the current questions."});
    }

    const Checklist* checklist = program.checklist_for_route(draft.route);
    for (const auto& [item_id, ticked] : draft.checklist) {
        if (checklist && checklist->find_item(item_id)) continue;
        std::string message = checklist ? in_quotes(item_id) + " is not on the " + checklist->title +
                                              "; reload the page to get the current list."
                                        : "This route has no checklist, so " + in_quotes(item_id) +
                                              " cannot be ticked here.";
        issues.push_back({"checklist." + item_id, message});
    }

    if (draft.severity == 1 && !severity_1_allowed(program, draft.answers))
        issues.push_back({"severity", program.severity_guidance.severity_1_notice + " " +
                                          instead_of_severity_1(program, draft.answers)});
    return issues;
}

}  // namespace core
