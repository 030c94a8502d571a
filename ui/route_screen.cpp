// A route's request form, top to bottom: what the route is for, the plan it
// files under, an open incident in the user's region (shown first: we may
// already be working on it), triage, the identifiers support needs, the
// route's checklist, severity, and the submit button that says what is still
// missing. Everything typed lives in State::requests, so nothing is lost.
#include "request_form.hpp"
#include "screens.hpp"
#include "style.hpp"
#include "widgets.hpp"

#include "core/flows/request_flow.hpp"
#include "core/program/severity_guidance.hpp"
#include "core/text/time_text.hpp"

#include <algorithm>

namespace ui {

static void draw_about_panel(const core::Route& route, Column column) {
    const Fonts& f = fonts();
    std::vector<TextRun> runs;
    runs.push_back({f.small, colour::text_secondary, "USE THIS PATH WHEN", 0, false});
    runs.push_back({f.body, colour::text, route.use_when, 6, false});
    if (!route.include.empty()) {
        runs.push_back({f.small, colour::text_secondary, "WHAT TO INCLUDE", 16, false});
        for (size_t i = 0; i < route.include.size(); ++i)
            runs.push_back({f.body, colour::text, route.include[i], i == 0 ? 6.0f : 4.0f, true});
    }
    const float padding = px(20);
    const float height = measure_runs(runs, column.width - 2 * padding) + 2 * padding;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + column.width, min.y + height);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, colour::accent_soft, px(10));
    dl->AddRect(min, max, colour::accent_border, px(10));
    draw_runs(dl, ImVec2(min.x + padding, min.y + padding), runs, column.width - 2 * padding);
    ImGui::Dummy(ImVec2(column.width, height));
}

// The plan the ticket files under. Returns false when the route is closed to
// it (the form is not shown; the words say where to go instead).
static bool draw_plan(const core::State& state, const core::Route& route, float width, Actions& out) {
    const Fonts& f = fonts();
    const core::Membership* membership = core::current_membership(state);
    if (!membership || membership->plan.empty()) return true;   // signed out: the service decides on submit
    const core::Plan* plan = state.program.find_plan(membership->plan);
    if (!plan) return true;
    if (!state.program.route_open_to(route, plan->id)) {
        callout({{f.body_strong, colour::warning_text, "This route needs a support plan.", 0, false},
                 {f.body, colour::warning_text, plan->description, 6, false}},
                colour::warning_soft, colour::warning_border, width);
        ImGui::Dummy(ImVec2(0, px(10)));
        if (button("See the routes open to you", false)) out.push_back(core::GoHome{});
        return false;
    }
    std::string line = "Filed for " + membership->tenant_name + " \xC2\xB7 " + plan->name;
    if (std::optional<int> days = core::trial_days_left(state)) {
        line += *days > 0 ? ", " + std::to_string(*days) + " of " + std::to_string(*plan->days) + " days left"
                          : ", ended";
        const core::Plan* support = state.program.support_plan(plan->id);
        if (support && support != plan) line += "; you get " + support->name;
    }
    paragraph(f.small, colour::text_secondary, line);
    expose_label(line);
    return true;
}

// An open incident where the user works comes first. Returns false while the
// person has not chosen to continue past it.
static bool draw_incident(const core::State& state, const core::RequestForm& form, float width, Actions& out) {
    const Fonts& f = fonts();
    const core::RegionStatus* region = nullptr;
    const core::Incident* incident = core::incident_for_user(state, &region);
    if (!incident) return true;
    const core::TimeZone* zone = core::viewer_zone(state);
    if (form.past_incident) {
        paragraph(f.small, colour::warning_text, "Open incident in " + region->name + ": " + incident->title);
        return true;
    }
    ImGui::Dummy(ImVec2(0, px(4)));
    callout({{f.body_strong, colour::warning_text, "We are already working on this", 0, false},
             {f.body_strong, colour::text, incident->title + " (" + region->name + ")", 6, false},
             {f.body, colour::text, incident->message, 4, false},
             {f.small, colour::text_secondary,
              std::string(core::to_string(incident->state)) + " \xC2\xB7 since " +
                  core::format_full(incident->started_at, zone) + " \xC2\xB7 updated " +
                  core::format_full(incident->updated_at, zone),
              6, false}},
            colour::warning_soft, colour::warning_border, width);
    ImGui::Dummy(ImVec2(0, px(10)));
    paragraph(f.body, colour::text, "If this is what you see, there is no need to file a ticket: the status updates "
                                    "as we work on it. If your problem is something else, continue.");
    ImGui::Dummy(ImVec2(0, px(8)));
    if (button("My problem is something else", true)) out.push_back(core::ContinuePastIncident{form.draft.route});
    return false;
}

// A queued request: where it stands, in words, and the way to take it back.
static void draw_queued(const core::State& state, const core::RequestForm& form, float width, Actions& out) {
    const Fonts& f = fonts();
    const core::QueuedTicket* queued = nullptr;
    for (const core::QueuedTicket& t : state.outbox)
        if (t.key == form.queued_key) queued = &t;
    std::string detail;
    if (!state.online)
        detail = "You are offline. The request is kept on this device, also across reloads, and is sent once, "
                 "automatically, when the network returns.";
    else if (state.session == core::SessionStatus::SignedOut)
        detail = "Sign in to send it; it stays queued until then.";
    else if (queued && queued->request != 0)
        detail = "Sending now\xE2\x80\xA6";
    else if (queued && queued->attempts > 0)
        detail = "Tried " + std::to_string(queued->attempts) + (queued->attempts == 1 ? " time" : " times") + ": " +
                 queued->last_problem + ". It is tried again automatically, and filed only once however often.";
    else
        detail = "It is sent automatically, and filed only once however often it is tried.";
    const std::string title = state.online && !state.service_reachable
                                  ? "Queued, will be sent when the service can be reached"
                                  : "Queued, will be sent when you are online";
    callout({{f.body_strong, colour::text, title, 0, false}, {f.body, colour::text_secondary, detail, 6, false}},
            colour::accent_soft, colour::accent_border, width);
    expose_label(title);
    ImGui::Dummy(ImVec2(0, px(8)));
    if (!(queued && queued->request != 0) && button("Take it back to edit", false))
        out.push_back(core::CancelQueued{form.draft.route});
}

// The submit button, and in words what still stops it.
static void draw_submit(const core::State& state, const core::RequestForm& form, float width, Actions& out) {
    const Fonts& f = fonts();
    ImGui::Dummy(ImVec2(0, px(16)));
    if (!form.queued_key.empty()) {
        ImGui::PushID("bottom");   // the same words as at the top, for whoever scrolled down
        draw_queued(state, form, width, out);
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, px(40)));
        return;
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    if (!form.error.empty()) error_text(form.error);
    const std::vector<std::string> missing = core::missing_for_submit(state.program, form);
    if (!missing.empty()) {
        std::string text = "Still needed: ";
        for (size_t i = 0; i < missing.size(); ++i) text += (i ? ", " : "") + missing[i];
        paragraph(f.small, colour::text_secondary, text);
        expose_label(text);
    } else if (state.session != core::SessionStatus::SignedIn) {
        paragraph(f.small, colour::text_secondary, "You will be asked to sign in; this form keeps what you typed.");
    }
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, px(4)));
    if (submit_button("Submit request", "Submitting\xE2\x80\xA6", form.busy))
        out.push_back(core::SubmitRequest{form.draft.route});
    ImGui::Dummy(ImVec2(0, px(40)));
}

// The files that go with the request once it is filed: a sanitised HAR
// file from the HAR screen, each with Remove.
static void draw_attachments(const core::RequestForm& form, float width, Actions& out) {
    const Fonts& f = fonts();
    ImGui::PushID("attachments");
    for (const core::HeldFile& file : form.attachments) {
        ImGui::PushID(file.id);
        paragraph(f.body, colour::text, file.name + " (" + core::size_text(file.bytes) + "), sent with the request");
        if (button("Remove", false)) out.push_back(core::RemoveAttachment{form.draft.route, file.id});
        expose_label("Remove " + file.name);
        ImGui::PopID();
    }
    if (button(form.attachments.empty() ? "Add a HAR file\xE2\x80\xA6" : "Add another HAR file\xE2\x80\xA6", false))
        out.push_back(core::OpenHar{form.draft.route, {}});
    paragraph(f.small, colour::text_secondary,
              "The browser's network log of the failing sign-in. Secrets are removed here before it is sent; "
              "it stays with this tab until the request is filed, and with this device while the request waits "
              "to be sent.");
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, px(12)));
    (void)width;
}

void draw_route_screen(const core::State& state, const core::RouteScreen& screen, Column column, Actions& out) {
    const Fonts& f = fonts();
    const core::Route* route = state.program.find_route(screen.route_id);
    if (!route) {
        draw_not_found_screen(core::NotFoundScreen{location_of(screen)}, column, out);
        return;
    }
    if (link_button("##back", "\xE2\x86\x90 All support routes", "All support routes", f.body)) out.push_back(core::GoHome{});
    ImGui::Dummy(ImVec2(0, px(8)));

    heading(route->title);
    paragraph(f.body, colour::text_secondary, route->subtitle);
    ImGui::Dummy(ImVec2(0, px(12)));
    draw_about_panel(*route, column);
    ImGui::Dummy(ImVec2(0, px(20)));

    const core::RequestForm* form = nullptr;
    if (auto it = state.requests.find(route->id); it != state.requests.end()) form = &it->second;
    if (!form) return;   // started when the screen is entered

    if (!draw_plan(state, *route, column.width, out)) return;
    if (!draw_incident(state, *form, column.width, out)) return;

    const float field_width = std::min(column.width, px(680));
    // Queued: said first, and the form shows what will be sent, unchangeable.
    const bool queued = !form->queued_key.empty();
    if (queued) {
        draw_queued(state, *form, field_width, out);
        ImGui::Dummy(ImVec2(0, px(16)));
    }
    ImGui::BeginDisabled(queued);
    if (route->asks_triage) draw_triage(state, *form, field_width, out);

    section_heading("Details support needs", "What you type stays here while you move around the portal.");
    // "Add a HAR file" goes beside the fields a HAR file speaks to: after the
    // last of the error and the time it happened.
    const core::Field* har_anchor = nullptr;
    for (const core::Field& field : route->fields)
        if (field.id == "error_message" || field.id == "occurred_at") har_anchor = &field;
    for (const core::Field& field : route->fields) {
        draw_request_field(state, *form, field, field_width, out);
        if (&field == har_anchor) draw_attachments(*form, field_width, out);
    }

    if (const core::Checklist* checklist = state.program.checklist_for_route(route->id))
        draw_checklist(*form, *checklist, field_width, out);
    draw_severity(state, *form, field_width, out);
    ImGui::EndDisabled();
    draw_submit(state, *form, field_width, out);
}

}  // namespace ui
