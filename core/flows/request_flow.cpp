#include "core/flows/request_flow.hpp"
#include "core/checks/timestamp_text.hpp"

#include "core/flows/ticket_flow.hpp"

#include "core/flows/session_flow.hpp"
#include "core/flows/api_request.hpp"
#include "core/flows/drafts_flow.hpp"
#include "core/model/kept_draft.hpp"
#include "core/flows/outbox_flow.hpp"
#include "core/program/guided_answers.hpp"
#include "core/model/kept_draft.hpp"
#include "core/program/triage.hpp"

#include <algorithm>

namespace core {

namespace {

// HttpRequest::generation of a submission: the route's index in the program,
// so the answer finds its form even after the person moved on.
int route_index(const Program& program, std::string_view route_id) {
    for (size_t i = 0; i < program.routes.size(); ++i)
        if (program.routes[i].id == route_id) return static_cast<int>(i);
    return -1;
}

// A tenant field left empty starts as the tenant being worked in (known at
// once, or only when the session check answers).
void fill_in_tenant(const State& state, RequestForm& form) {
    const Route* route = state.program.find_route(form.draft.route);
    if (!route || !route->find_field("tenant") || state.current_tenant.empty()) return;
    std::string& tenant = form.draft.fields["tenant"];
    if (tenant.empty()) tenant = state.current_tenant;
}

}  // namespace

// The form of a route, started with what the portal already knows.
RequestForm& form_of(State& state, const std::string& route_id) {
    auto [it, created] = state.requests.try_emplace(route_id);
    RequestForm& form = it->second;
    if (created) {
        form.draft.route = route_id;
        fill_in_tenant(state, form);
    }
    return form;
}

namespace {

// What the service would be sent: the tenant worked in, the viewer's zone as
// the customer's, and only the triage answers still on the path.
TicketDraft submission(const State& state, const RequestForm& form) {
    TicketDraft draft = form.draft;
    draft.tenant = state.current_tenant;
    draft.customer_time_zone = state.viewer_time_zone.empty() ? "UTC" : state.viewer_time_zone;
    for (const std::string& stale : triage_view(state.program, draft.answers).off_path) draft.answers.erase(stale);
    return draft;
}

void recheck(const State& state, RequestForm& form) {
    const TicketDraft draft = submission(state, form);
    const std::string plan = current_plan(state);
    FieldCheckContext context{state.now, viewer_zone(state)};
    // Without a session the plan is unknown: which routes are open is the
    // service's to say when the person signs in to submit.
    std::vector<FieldIssue> issues =
        check_draft(state.program, draft, plan.empty() ? std::nullopt : std::optional<std::string_view>(plan), context);
    std::vector<FieldIssue> answers = check_answers(state.program, draft);
    issues.insert(issues.end(), answers.begin(), answers.end());
    form.issues = std::move(issues);
}

std::vector<Effect> keep(const State& state, RequestForm& form) {
    form.edited = true;
    form.edited_at = state.now;
    return {keep_on_device(form)};
}

std::vector<Effect> fetch_status(State& state) {
    if (state.status.loading) return {};
    state.status.loading = true;
    return {HttpGet{"/api/v1/status", HttpReply::Status}};
}

std::vector<Effect> submit(State& state, const std::string& route_id) {
    RequestForm& form = form_of(state, route_id);
    form.submit_tried = true;
    form.error.clear();
    recheck(state, form);
    if (form.busy || !form.queued_key.empty() || !missing_for_submit(state.program, form).empty()) return {};
    // Without a session the draft stays in State; signing in leads back here.
    if (state.session != SessionStatus::SignedIn) return update_session(state, OpenSignIn{});

    const std::string body = ticket_draft_to_json(submission(state, form));
    // The same draft again (after a lost answer) reuses its key, so the
    // service files it once; a changed draft is a new request.
    if (form.idempotency_key.empty() || form.attempted_json != body) {
        form.idempotency_key = next_idempotency_key(state);
        form.attempted_json = body;
    }
    // Offline (or signed in only as far as the device remembers): straight to
    // the outbox, sent when the service can be reached.
    if (!state.online || state.session_from_device) return queue_request(state, route_id, body);
    form.busy = true;
    HttpRequest request = api_request(state, "POST", "/api/v1/tickets", HttpReply::SubmitTicket, body,
                                      route_index(state.program, route_id));
    request.idempotency_key = form.idempotency_key;
    return {request};
}

std::vector<Effect> submitted(State& state, const HttpAnswer& answer) {
    if (answer.generation < 0 || answer.generation >= static_cast<int>(state.program.routes.size())) return {};
    const std::string route_id = state.program.routes[answer.generation].id;
    auto it = state.requests.find(route_id);
    if (it == state.requests.end()) return {};
    RequestForm& form = it->second;
    form.busy = false;

    if (answer.status == 401) return session_ended(state);
    // No answer at all: the request may or may not have reached the service.
    // It goes to the outbox under the same key, so delivering it later files
    // it at most once either way.
    if (answer.status == 0) return queue_request(state, route_id, form.attempted_json);
    if (answer.status == 200 || answer.status == 201) {
        const std::string id = ticket_id_of(answer.body);
        if (id.empty()) {
            form.error = "The service accepted the request but did not say its ticket number. It is in your tickets.";
            return {};
        }
        return request_filed(state, route_id, id, true);
    }
    return request_refused(state, route_id, form.attempted_json, answer.status, answer.body);
}

// The request actions; the rest are not ours.
struct RequestVisitor : FlowVisitor<RequestActions> {
    using FlowVisitor::FlowVisitor;
    using FlowVisitor::operator();

    std::vector<Effect> operator()(const EditField& a) {
        RequestForm& form = form_of(state, a.route_id);
        if (!form.queued_key.empty()) return {};   // what is queued is what gets sent
        form.draft.fields[a.field_id] = a.value;
        form.focus = a.field_id;
        form.service_errors.erase(a.field_id);
        recheck(state, form);
        std::vector<Effect> effects = keep(state, form);
        append(effects, load_zones_named_in(state, form));
        return effects;
    }
    std::vector<Effect> operator()(const LeaveField& a) {
        RequestForm& form = form_of(state, a.route_id);
        form.touched.insert(a.field_id);
        return {};
    }
    std::vector<Effect> operator()(const AnswerQuestion& a) {
        RequestForm& form = form_of(state, a.route_id);
        if (!form.queued_key.empty()) return {};
        form.draft.answers[a.question_id] = a.answer_id;
        form.service_errors.erase("answers." + a.question_id);
        recheck(state, form);
        return keep(state, form);
    }
    std::vector<Effect> operator()(const ToggleChecklistItem& a) {
        RequestForm& form = form_of(state, a.route_id);
        if (!form.queued_key.empty()) return {};
        bool& done = form.draft.checklist[a.item_id];
        done = !done;
        recheck(state, form);
        return keep(state, form);
    }
    std::vector<Effect> operator()(const ChooseSeverity& a) {
        RequestForm& form = form_of(state, a.route_id);
        if (!form.queued_key.empty()) return {};
        form.draft.severity = a.level;
        form.touched.insert("severity");
        form.service_errors.erase("severity");
        recheck(state, form);
        return keep(state, form);
    }
    std::vector<Effect> operator()(const ContinuePastIncident& a) {
        RequestForm& form = form_of(state, a.route_id);
        form.past_incident = true;
        // The button took the keyboard; it goes back where the person was typing.
        ask_to_restore_focus(state, form);
        return {};
    }
    std::vector<Effect> operator()(const SubmitRequest& a) { return submit(state, a.route_id); }
    std::vector<Effect> operator()(const StorageFailed& a) {
        state.notice = "Drafts cannot be kept on this device (" + a.message +
                       "). The portal keeps working; what you type stays only until you close the page.";
        return {};
    }
    std::vector<Effect> operator()(const Answered<HttpReply::SubmitTicket>& a) { return submitted(state, a); }
    std::vector<Effect> operator()(const Answered<HttpReply::Status>& a) {
        // A failure only means the incident banner is not shown.
        state.status.loading = false;
        if (a.status != 200) {
            state.status.error = "The service status could not be read.";
            return {};
        }
        Parsed<ServiceStatus> parsed = parse_service_status(a.body);
        if (!parsed) {
            state.status.error = "The service sent a status the portal cannot read (" + parsed.error + ").";
            return {};
        }
        state.status.error.clear();
        state.status.status = std::move(parsed.value);
        return {};
    }
};

}  // namespace

std::vector<Effect> request_filed(State& state, const std::string& route_id, const std::string& ticket_id, bool follow) {
    // Its files follow the ticket: the service gives them only an existing ticket.
    std::vector<HeldFile> files;
    if (auto it = state.requests.find(route_id); it != state.requests.end()) files = std::move(it->second.attachments);
    state.requests.erase(route_id);   // filed: the draft is done, here and on the device
    std::vector<Effect> effects{DeleteDraft{draft_key(route_id)}};
    append(effects, upload_attachments(state, ticket_id, files));
    if (!follow) {
        state.notice = "Your queued " + state.program.route_title(route_id) + " request was delivered as ticket " +
                       ticket_id + ".";
        return effects;
    }
    state.notice = "Ticket " + ticket_id + " received. Support answers within the target shown on it.";
    state.screen = TicketScreen{ticket_id};
    effects.push_back(PushLocation{location_of(state.screen)});
    std::vector<Effect> entered = enter_screen(state);
    effects.insert(effects.end(), entered.begin(), entered.end());
    return effects;
}

std::vector<Effect> request_refused(State& state, const std::string& route_id, const std::string& body_sent, int status,
                                    std::string_view answer) {
    // A rejection: every word the service said goes beside its field, and
    // nothing typed is touched. A form gone meanwhile (a queued request from
    // an earlier visit) comes back from what was sent.
    const bool existed = state.requests.count(route_id) > 0;
    RequestForm& form = form_of(state, route_id);
    if (!existed || form.draft.fields.empty()) {
        if (Parsed<TicketDraft> sent = parse_ticket_draft(body_sent)) form.draft = std::move(*sent.value);
    }
    form.busy = false;
    form.queued_key.clear();
    form.submit_tried = true;
    recheck(state, form);
    Problem problem = parse_problem(answer, status);
    form.service_errors = std::move(problem.field_errors);
    form.error = problem.message.empty() ? "The service did not accept the request (HTTP " + std::to_string(status) + ")."
                                         : problem.message;
    form.idempotency_key.clear();   // that key is spent on the rejected draft
    // The service's rules may be newer than the portal's (a deployment while
    // the request waited): fetch them, so the form shows what it now needs.
    if (status == 422) return {fetch_program(state)};
    return {};
}

const Membership* current_membership(const State& state) {
    return state.account ? state.account->membership(state.current_tenant) : nullptr;
}

std::string current_plan(const State& state) {
    const Membership* m = current_membership(state);
    return m ? m->plan : std::string();
}

std::optional<int> trial_days_left(const State& state) {
    const Membership* m = current_membership(state);
    if (!m || m->trial_ends_at.empty()) return std::nullopt;
    const Plan* plan = state.program.find_plan(m->plan);
    std::optional<Instant> ends = parse_instant(m->trial_ends_at);
    if (!plan || !plan->days || !ends) return std::nullopt;
    const std::chrono::seconds left = *ends - state.now;
    if (left.count() <= 0) return 0;
    return static_cast<int>((left.count() + 86399) / 86400);
}

std::vector<FieldIssue> visible_issues(const RequestForm& form, std::string_view field) {
    std::vector<FieldIssue> out;
    auto service = form.service_errors.find(std::string(field));
    if (service != form.service_errors.end()) out.push_back({service->first, service->second, true});
    const bool shown = form.submit_tried || form.touched.count(std::string(field));
    for (const FieldIssue& issue : form.issues)
        if (issue.field == field && (shown || !issue.blocking)) out.push_back(issue);
    return out;
}

std::vector<std::string> missing_for_submit(const Program& program, const RequestForm& form) {
    std::vector<std::string> missing;
    auto add = [&](std::string what) {
        if (std::find(missing.begin(), missing.end(), what) == missing.end()) missing.push_back(std::move(what));
    };
    const Route* route = program.find_route(form.draft.route);
    for (const FieldIssue& issue : form.issues) {
        if (!issue.blocking) continue;
        const Field* field = route ? route->find_field(issue.field) : nullptr;
        if (field) add(field->caption);
        else if (issue.field == "severity") add("Severity");
        else if (issue.field.rfind("answers.", 0) == 0) add("Answers");
        else if (issue.field.rfind("checklist.", 0) == 0) add("Checklist");
        else add(issue.field);
    }
    return missing;
}

const Incident* incident_for_user(const State& state, const RegionStatus** region_out) {
    if (!state.status.status) return nullptr;
    std::string region_id;
    if (const Membership* m = current_membership(state)) region_id = m->region;
    if (region_id.empty()) {
        if (const Region* r = region_for_zone(state.program, state.viewer_time_zone)) region_id = r->id;
    }
    const RegionStatus* region = state.status.status->find_region(region_id);
    if (!region) return nullptr;
    if (region_out) *region_out = region;
    return region->first_open_incident();
}

std::vector<Effect> load_zones_named_in(State& state, const RequestForm& form) {
    std::vector<Effect> effects;
    const Route* route = state.program.find_route(form.draft.route);
    if (!route) return effects;
    for (const Field& field : route->fields) {
        if (field.kind != FieldKind::Timestamp) continue;
        auto value = form.draft.fields.find(field.id);
        if (value != form.draft.fields.end()) append(effects, request_time_zone(state, zone_named_in(value->second)));
    }
    return effects;
}

std::vector<Effect> enter_route_screen(State& state, const std::string& route_id) {
    RequestForm& form = form_of(state, route_id);
    fill_in_tenant(state, form);   // the session may have become known after the form started
    recheck(state, form);
    std::vector<Effect> effects = load_zones_named_in(state, form);
    append(effects, fetch_status(state));
    return effects;
}

RequestForm& request_form(State& state, const std::string& route_id) { return form_of(state, route_id); }

void recheck_request(const State& state, RequestForm& form) { recheck(state, form); }

std::vector<Effect> update_requests(State& state, const Action& action) {
    return std::visit(RequestVisitor{state}, action);
}

}  // namespace core
