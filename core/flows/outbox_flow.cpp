#include "core/flows/outbox_flow.hpp"

#include "core/flows/session_flow.hpp"
#include "core/flows/api_request.hpp"
#include "core/flows/request_flow.hpp"

#include <algorithm>

namespace core {

namespace {

QueuedTicket* find_by_key(State& state, const std::string& key) {
    for (QueuedTicket& t : state.outbox)
        if (t.key == key) return &t;
    return nullptr;
}

// An attempt that did not deliver: wait longer each time.
void attempt_failed(State& state, QueuedTicket& ticket, std::string problem) {
    ticket.request = 0;
    ++ticket.attempts;
    ticket.last_problem = std::move(problem);
    const auto delay = std::chrono::ceil<std::chrono::seconds>(retry_delay(ticket.attempts, ticket.key));
    ticket.next_attempt = state.now + delay;
}

void forget(State& state, const std::string& key, std::vector<Effect>& effects) {
    state.outbox.erase(std::remove_if(state.outbox.begin(), state.outbox.end(),
                                      [&](const QueuedTicket& t) { return t.key == key; }),
                       state.outbox.end());
    effects.push_back(DropQueued{key});
}

// The record to keep on the device: the request and the files its form
// holds for it, so they follow its ticket even after the tab was closed.
KeepQueued keep_queued(const State& state, const QueuedTicket& ticket) {
    KeepQueued keep{ticket.key, queued_ticket_to_json(ticket), {}};
    if (auto form = state.requests.find(ticket.route); form != state.requests.end()) keep.files = form->second.attachments;
    return keep;
}

bool transient(int status) { return status == 0 || status == 408 || status == 429 || status >= 500; }

std::vector<Effect> delivery_answered(State& state, const HttpAnswer& answer) {
    auto it = std::find_if(state.outbox.begin(), state.outbox.end(),
                           [&](const QueuedTicket& t) { return t.request == answer.generation; });
    if (it == state.outbox.end() || answer.generation == 0) return {};
    QueuedTicket& ticket = *it;
    std::vector<Effect> effects;
    if (transient(answer.status)) {
        attempt_failed(state, ticket, answer.status == 0 ? "the service could not be reached"
                                                         : "the service answered HTTP " + std::to_string(answer.status));
        effects.push_back(keep_queued(state, ticket));
        return effects;
    }
    if (answer.status == 401) {
        // Kept: it goes out once the person signs in again.
        ticket.request = 0;
        ticket.last_problem = "sign in to send it";
        return session_ended(state);
    }
    const QueuedTicket done = ticket;
    forget(state, done.key, effects);
    if (answer.status == 200 || answer.status == 201) {
        std::string id = ticket_id_of(answer.body);
        if (id.empty()) id = "(number not given; it is in your tickets)";
        // The person looking at the queued form follows it to its ticket.
        const auto* here = std::get_if<RouteScreen>(&state.screen);
        std::vector<Effect> filed = request_filed(state, done.route, id, here && here->route_id == done.route);
        effects.insert(effects.end(), filed.begin(), filed.end());
        return effects;
    }
    std::vector<Effect> refused = request_refused(state, done.route, done.body, answer.status, answer.body);
    effects.insert(effects.end(), refused.begin(), refused.end());
    state.notice = "Your queued " + state.program.route_title(done.route) +
                   " request was not accepted; it is back in its form with the service's reasons.";
    return effects;
}

}  // namespace

std::vector<Effect> queue_request(State& state, const std::string& route_id, const std::string& body) {
    RequestForm& form = form_of(state, route_id);
    form.busy = false;
    form.error.clear();
    std::vector<Effect> effects;
    if (form.idempotency_key.empty()) form.idempotency_key = next_idempotency_key(state);
    form.queued_key = form.idempotency_key;
    if (find_by_key(state, form.queued_key)) return effects;   // already queued
    QueuedTicket ticket;
    ticket.key = form.queued_key;
    ticket.route = route_id;
    ticket.body = body;
    ticket.queued_at = state.now;
    if (state.account) ticket.user = state.account->id;
    // Straight from a failed attempt: the first retry waits a little.
    if (state.online) attempt_failed(state, ticket, "the service could not be reached");
    else ticket.next_attempt = state.now;
    effects.push_back(keep_queued(state, ticket));
    state.outbox.push_back(std::move(ticket));
    return effects;
}

void outbox_session_unreachable(State& state) {
    if (!state.outbox_session_check) return;
    state.outbox_session_check = false;
    for (QueuedTicket& t : state.outbox)
        if (t.request == 0 && t.next_attempt <= state.now) attempt_failed(state, t, "the service could not be reached");
}

std::vector<Effect> deliver_outbox(State& state) {
    if (state.outbox.empty() || !state.online) return {};
    std::vector<QueuedTicket*> due;
    std::optional<Instant> earliest;
    for (QueuedTicket& t : state.outbox) {
        if (t.request != 0) continue;
        if (t.next_attempt <= state.now) due.push_back(&t);
        else if (!earliest || t.next_attempt < *earliest) earliest = t.next_attempt;
    }
    std::vector<Effect> effects;
    if (due.empty()) {
        // Wake up for the earliest retry. The shell's clock is never ahead of
        // the real one, so the timer cannot fire before it is due.
        if (earliest && state.outbox_timer == 0) {
            state.outbox_timer = ++state.outbox_requests;
            const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(*earliest - state.now);
            effects.push_back(StartTimer{Timer::OutboxRetry, static_cast<int>(wait.count()) + 50, state.outbox_timer});
        }
        return effects;
    }
    if (state.session == SessionStatus::SignedOut) return effects;   // waits for sign-in
    if (state.session != SessionStatus::SignedIn || state.session_from_device) {
        // A fresh session (and its CSRF token) first.
        if (!state.outbox_session_check) {
            state.outbox_session_check = true;
            effects.push_back(check_session());
        }
        return effects;
    }
    for (QueuedTicket* t : due) {
        // Someone else signed in on this device: theirs is not to send.
        if (!t->user.empty() && state.account && t->user != state.account->id) continue;
        t->request = ++state.outbox_requests;
        HttpRequest request = api_request(state, "POST", "/api/v1/tickets", HttpReply::SendQueued, t->body, t->request);
        request.idempotency_key = t->key;
        effects.push_back(std::move(request));
    }
    return effects;
}

namespace {

struct OutboxVisitor : FlowVisitor<OutboxActions> {
    using FlowVisitor::FlowVisitor;
    using FlowVisitor::operator();

    std::vector<Effect> operator()(const ConnectivityChanged& a) {
        state.online = a.online;
        if (!a.online) return {};
        // Back online: try everything now, and refresh what is shown from
        // the device.
        for (QueuedTicket& t : state.outbox)
            if (t.request == 0) t.next_attempt = state.now;
        std::vector<Effect> effects;
        if (state.session == SessionStatus::Unknown || state.session_from_device) {
            if (!state.outbox_session_check) effects.push_back(check_session());
            state.outbox_session_check = true;
        } else if (state.tickets.as_of || state.users.as_of) {
            effects = enter_screen(state);
        }
        return effects;
    }
    std::vector<Effect> operator()(const QueuedRestored& a) {
        std::optional<QueuedTicket> ticket = parse_queued_ticket(a.json);
        if (!ticket || find_by_key(state, ticket->key) || !state.program.find_route(ticket->route)) return {};
        ticket->next_attempt = state.now;
        RequestForm& form = form_of(state, ticket->route);
        form.queued_key = ticket->key;
        form.idempotency_key = ticket->key;
        form.attempted_json = ticket->body;
        if (form.attachments.empty()) form.attachments = a.files;
        // The draft normally comes back on its own; if it did not, what was
        // queued shows in the form.
        if (form.draft.fields.empty())
            if (Parsed<TicketDraft> sent = parse_ticket_draft(ticket->body)) form.draft = std::move(*sent.value);
        state.outbox.push_back(std::move(*ticket));
        return {};
    }
    std::vector<Effect> operator()(const CancelQueued& a) {
        auto form = state.requests.find(a.route_id);
        if (form == state.requests.end() || form->second.queued_key.empty()) return {};
        QueuedTicket* ticket = find_by_key(state, form->second.queued_key);
        // An attempt under way may still deliver it: it cannot be taken back now.
        if (ticket && ticket->request != 0) {
            state.notice = "The request is being sent right now; it can no longer be taken back.";
            return {};
        }
        std::vector<Effect> effects;
        forget(state, form->second.queued_key, effects);
        form->second.queued_key.clear();
        form->second.idempotency_key.clear();   // edited and sent again, it is a new request
        return effects;
    }
    std::vector<Effect> operator()(const Fired<Timer::OutboxRetry>& a) {
        if (a.generation == state.outbox_timer) state.outbox_timer = 0;
        return {};
    }
    std::vector<Effect> operator()(const Answered<HttpReply::SendQueued>& a) { return delivery_answered(state, a); }
};

}  // namespace

std::vector<Effect> update_outbox(State& state, const Action& action) { return std::visit(OutboxVisitor{state}, action); }

}  // namespace core
