// A route's request form: typing, leaving fields, triage and severity answers,
// the checklist, the service status shown first, and submitting the ticket.
// The request half of update(); the rules themselves are in ticket_draft,
// field_check, guided_answers, severity_guidance and triage.
#pragma once

#include "core/app.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

using RequestActions = Handles<EditField, LeaveField, AnswerQuestion, ToggleChecklistItem, ChooseSeverity,
                               ContinuePastIncident, SubmitRequest, StorageFailed, Answered<HttpReply::Status>,
                               Answered<HttpReply::SubmitTicket>>;
std::vector<Effect> update_requests(State& state, const Action& action);

// The form of a route, started with what the portal already knows (the
// tenant worked in), and its problems recomputed after its draft was put
// there from outside (restored, imported, undone).
RequestForm& request_form(State& state, const std::string& route_id);
void recheck_request(const State& state, RequestForm& form);

// The rules of the zones a form's timestamps name ("09:32 America/New_York"),
// asked for unless loaded; the form is checked again when they arrive.
std::vector<Effect> load_zones_named_in(State& state, const RequestForm& form);

// Entering a route's form: fetch the service status, start the form.
std::vector<Effect> enter_route_screen(State& state, const std::string& route_id);

// The form of a route, started with what the portal already knows.
RequestForm& form_of(State& state, const std::string& route_id);

// The service filed a route's request as `ticket_id`: the form and its draft
// are done. `follow` opens the ticket; otherwise a notice names it.
std::vector<Effect> request_filed(State& state, const std::string& route_id, const std::string& ticket_id, bool follow);
// The service refused a request: its words go beside the form's fields (the
// form comes back from `body_sent` if it is gone) and the key is spent. A
// validation refusal also fetches the service's program: its rules may be newer.
std::vector<Effect> request_refused(State& state, const std::string& route_id, const std::string& body_sent, int status,
                                    std::string_view answer);

// The membership of the tenant being worked in; nullptr when signed out.
const Membership* current_membership(const State& state);
// The plan of the tenant being worked in; empty when not known (signed out).
std::string current_plan(const State& state);
// Whole days (rounded up) until the trial of the tenant being worked in ends,
// 0 once it has; nullopt when that tenant is not on a trial.
std::optional<int> trial_days_left(const State& state);

// The problems of one field that the person should see now: after the field
// was left or a submit tried, and the service's own word on it.
std::vector<FieldIssue> visible_issues(const RequestForm& form, std::string_view field);

// What still stops the submission, as the person reads it: field captions,
// "Severity", "Checklist: ..." (empty: ready to submit).
std::vector<std::string> missing_for_submit(const Program& program, const RequestForm& form);

// The open incident in the region of the user's tenant (or of their zone),
// or nullptr.
const Incident* incident_for_user(const State& state, const RegionStatus** region = nullptr);

}  // namespace core
