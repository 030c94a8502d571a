// What a request form asks besides its fields: who is affected (triage, with
// the checks that often solve it first), the route's checklist, and how
// urgent it is (guidance questions, the suggested severity, the plan's target
// and the warning that severity cannot be raised later).
#include "request_form.hpp"
#include "style.hpp"
#include "layout.hpp"
#include "widgets.hpp"

#include "core/flows/request_flow.hpp"
#include "core/sla/response_terms.hpp"
#include "core/program/severity_guidance.hpp"
#include "core/program/triage.hpp"

namespace ui {

namespace {

std::string answer_of(const core::RequestForm& form, const std::string& question) {
    auto it = form.draft.answers.find(question);
    return it == form.draft.answers.end() ? std::string() : it->second;
}

// A question with its answers as radio buttons on one line.
template <typename Question>
void draw_question(const core::RequestForm& form, const Question& question, Actions& out) {
    const Fonts& f = fonts();
    paragraph(f.body_strong, colour::text, question.text);
    expose_label(question.text);
    const std::string chosen = answer_of(form, question.id);
    ImGui::PushID(question.id.c_str());
    begin_group(Role::RadioGroup, question.text);
    for (size_t i = 0; i < question.answers.size(); ++i) {
        const auto& answer = question.answers[i];
        if (i > 0 && !narrow_layout()) ImGui::SameLine(0, px(20));   // one per line on phones
        if (radio(answer.text, chosen == answer.id))
            out.push_back(core::AnswerQuestion{form.draft.route, question.id, answer.id});
    }
    end_group();
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, px(6)));
}

}  // namespace

void section_heading(std::string_view title, std::string_view explanation) {
    const Fonts& f = fonts();
    ImGui::Dummy(ImVec2(0, px(10)));
    heading(title, 2);
    if (!explanation.empty()) paragraph(f.small, colour::text_secondary, explanation);
    ImGui::Dummy(ImVec2(0, px(8)));
}

void draw_triage(const core::State& state, const core::RequestForm& form, float width, Actions& out) {
    const core::TriageView view = core::triage_view(state.program, form.draft.answers);
    if (view.steps.empty()) return;
    section_heading("Who is affected?", state.program.triage.intro);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    for (const core::TriageStep& step : view.steps) draw_question(form, *step.question, out);
    if (!view.checks.empty()) {
        const Fonts& f = fonts();
        std::vector<TextRun> runs;
        runs.push_back({f.body_strong, colour::text, "Check these first; they often find the cause at once:", 0, false});
        for (const core::TriageCheck* check : view.checks) runs.push_back({f.body, colour::text, check->text, 6, true});
        callout(runs, colour::accent_soft, colour::accent_border, width);
    }
    ImGui::PopTextWrapPos();
}

void draw_checklist(const core::RequestForm& form, const core::Checklist& checklist, float width, Actions& out) {
    const Fonts& f = fonts();
    section_heading(checklist.title, checklist.intro);
    ImGui::PushID(checklist.id.c_str());
    for (const core::ChecklistItem& item : checklist.items) {
        auto it = form.draft.checklist.find(item.id);
        bool done = it != form.draft.checklist.end() && it->second;
        ImGui::PushID(item.id.c_str());
        // The box alone, then its text wrapped beside it: ImGui's own
        // checkbox label does not wrap.
        const float start_x = ImGui::GetCursorPosX();
        if (ImGui::Checkbox("##done", &done)) out.push_back(core::ToggleChecklistItem{form.draft.route, item.id});
        describe(Role::Checkbox).checked = done;
        expose_label(item.text);
        ImGui::SameLine(0, px(8));
        ImGui::PushTextWrapPos(start_x + width);
        ImGui::BeginGroup();
        paragraph(f.body, colour::text, item.text);
        if (!item.hint.empty()) paragraph(f.small, colour::text_secondary, item.hint);
        ImGui::EndGroup();
        ImGui::PopTextWrapPos();
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, px(4)));
    }
    ImGui::PopID();
}

void draw_severity(const core::State& state, const core::RequestForm& form, float width, Actions& out) {
    const Fonts& f = fonts();
    const core::SeverityGuidance& guidance = state.program.severity_guidance;
    section_heading("How urgent is it?", guidance.intro);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    for (const core::GuidanceQuestion& question : guidance.questions) draw_question(form, question, out);

    if (auto suggestion = core::explain_severity(state.program, form.draft.answers)) {
        std::vector<TextRun> runs;
        runs.push_back({f.body_strong, colour::text, "Suggested: " + core::severity_label(state.program,
                                                                                          suggestion->severity->level),
                        0, false});
        runs.push_back({f.body, colour::text, suggestion->severity->title + ". " + suggestion->severity->definition, 4,
                        false});
        callout(runs, colour::accent_soft, colour::accent_border, width);
        ImGui::Dummy(ImVec2(0, px(6)));
    }

    ImGui::PushID("severity");
    begin_group(Role::RadioGroup, "How urgent is it?");
    for (const core::Severity& severity : state.program.severities) {
        ImGui::PushID(severity.level);
        const std::string label = core::severity_label(state.program, severity.level) + " \xC2\xB7 " + severity.title;
        if (radio(label, form.draft.severity == severity.level))
            out.push_back(core::ChooseSeverity{form.draft.route, severity.level});
        ImGui::Indent(px(28));
        paragraph(f.small, colour::text_secondary, severity.definition);
        ImGui::Unindent(px(28));
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, px(2)));
    }
    end_group();
    ImGui::PopID();
    for (const core::FieldIssue& issue : core::visible_issues(form, "severity")) issue_text(issue);

    // The promise for this choice, before submitting.
    const std::string plan = core::current_plan(state);
    if (form.draft.severity > 0 && !plan.empty()) {
        const core::Parsed<core::ResponseTerms> terms = core::response_terms(state.program, plan, form.draft.severity);
        if (terms) {
            const std::string promise = core::response_promise(*terms) + ".";
            ImGui::Dummy(ImVec2(0, px(4)));
            paragraph(f.body_strong, colour::text, promise);
            expose_label(promise);
        }
    }
    if (!guidance.never_raised.empty()) {
        ImGui::Dummy(ImVec2(0, px(6)));
        callout({{f.body, colour::warning_text, guidance.never_raised, 0, false}}, colour::warning_soft,
                colour::warning_border, width);
    }
    ImGui::PopTextWrapPos();
}

}  // namespace ui
