#include "core/app.hpp"

#include "core/flows/device_snapshots.hpp"
#include "core/flows/drafts_flow.hpp"
#include "core/flows/har_flow.hpp"
#include "core/flows/invitation_flow.hpp"
#include "core/flows/password_reset_flow.hpp"
#include "core/flows/account_flow.hpp"
#include "core/flows/outbox_flow.hpp"
#include "core/flows/request_flow.hpp"
#include "core/sla/response_status.hpp"
#include "core/sla/response_terms.hpp"
#include "core/flows/session_flow.hpp"
#include "core/flows/ticket_flow.hpp"
#include "core/text/url_text.hpp"
#include "core/flows/users_flow.hpp"

#include <algorithm>

namespace core {

namespace {

constexpr const char* tickets_url = "/api/v1/tickets?limit=500";


std::vector<Effect> fetch_tickets(State& state) {
    if (state.tickets.loading) return {};
    state.tickets.loading = true;
    state.tickets.error.clear();
    return {HttpGet{tickets_url, HttpReply::Tickets}};
}

std::vector<Effect> on_enter(State& state) { return enter_screen(state); }

void build_calendars(State& state, const std::string& zone_name) {
    auto zone = state.zones.find(zone_name);
    if (zone == state.zones.end() || !zone->second) return;
    for (const Schedule& schedule : state.program.schedules)
        state.calendars.insert_or_assign({schedule.id, zone_name}, BusinessCalendar(zone->second, schedule));
}

std::string next_page_url(const std::string& cursor) {
    return std::string(tickets_url) + "&cursor=" + url_escape(cursor);   // the cursor is opaque
}

}  // namespace

// Entering a screen may need data: the ticket list is fetched on each visit
// so it is fresh, while the countdowns themselves run locally. Screens with
// private data wait for the session check and lead to sign-in without one.
std::vector<Effect> enter_screen(State& state) {
    if (std::holds_alternative<TicketsScreen>(state.screen) && state.session == SessionStatus::SignedIn)
        return fetch_tickets(state);
    if (auto* route = std::get_if<RouteScreen>(&state.screen)) return enter_route_screen(state, route->route_id);
    if (auto* ticket = std::get_if<TicketScreen>(&state.screen); ticket && state.session == SessionStatus::SignedIn)
        return enter_ticket_screen(state, ticket->id);
    return enter_account_screen(state);
}

// Navigating to the screen we are already on adds no history entry.
std::vector<Effect> navigate(State& state, Screen next) {
    if (next == state.screen) return {};
    state.screen = std::move(next);
    std::vector<Effect> effects{PushLocation{location_of(state.screen)}};
    append(effects, on_enter(state));
    return effects;
}

const core::TimeZone* viewer_zone(const State& state) {
    auto it = state.zones.find(state.viewer_time_zone);
    return it == state.zones.end() ? nullptr : it->second;
}

std::vector<int> held_file_ids(const State& state) {
    std::vector<int> ids;
    for (const HeldFile* file : {&state.har.source, &state.har.sanitized})
        if (file->id != 0) ids.push_back(file->id);
    for (const auto& [route, form] : state.requests)
        for (const HeldFile& file : form.attachments)
            if (file.id != 0) ids.push_back(file.id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

std::vector<Effect> request_time_zone(State& state, const std::string& name) {
    if (name.empty() || state.zones.count(name) || !state.zones_requested.insert(name).second) return {};
    return {LoadTimeZone{name}};
}

void append(std::vector<Effect>& to, std::vector<Effect> more) {
    to.insert(to.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

namespace {
template <HttpReply R> Action answered(int status, std::string body, int generation) {
    return Answered<R>{{status, std::move(body), generation}};
}
}  // namespace

// No default: a new HttpReply without its case is a compiler warning (-Wswitch)
// and one without its Answered<> in Action does not compile.
Action http_answer(HttpReply reply, int status, std::string body, int generation) {
    using enum HttpReply;
    switch (reply) {
    case Program: return answered<Program>(status, std::move(body), generation);
    case Tickets: return answered<Tickets>(status, std::move(body), generation);
    case Session: return answered<Session>(status, std::move(body), generation);
    case SignIn: return answered<SignIn>(status, std::move(body), generation);
    case SignOut: return answered<SignOut>(status, std::move(body), generation);
    case Users: return answered<Users>(status, std::move(body), generation);
    case UserDetails: return answered<UserDetails>(status, std::move(body), generation);
    case Revoke: return answered<Revoke>(status, std::move(body), generation);
    case Invite: return answered<Invite>(status, std::move(body), generation);
    case Audit: return answered<Audit>(status, std::move(body), generation);
    case Invitation: return answered<Invitation>(status, std::move(body), generation);
    case AcceptInvitation: return answered<AcceptInvitation>(status, std::move(body), generation);
    case Status: return answered<Status>(status, std::move(body), generation);
    case SubmitTicket: return answered<SubmitTicket>(status, std::move(body), generation);
    case TicketDetails: return answered<TicketDetails>(status, std::move(body), generation);
    case Comment: return answered<Comment>(status, std::move(body), generation);
    case Command: return answered<Command>(status, std::move(body), generation);
    case Escalate: return answered<Escalate>(status, std::move(body), generation);
    case SendQueued: return answered<SendQueued>(status, std::move(body), generation);
    case RequestPasswordReset: return answered<RequestPasswordReset>(status, std::move(body), generation);
    case PasswordReset: return answered<PasswordReset>(status, std::move(body), generation);
    case ResetPassword: return answered<ResetPassword>(status, std::move(body), generation);
    case SecondFactorState: return answered<SecondFactorState>(status, std::move(body), generation);
    case SecondFactorSetup: return answered<SecondFactorSetup>(status, std::move(body), generation);
    case SecondFactorOn: return answered<SecondFactorOn>(status, std::move(body), generation);
    case SecondFactorOff: return answered<SecondFactorOff>(status, std::move(body), generation);
    case CompanySignIn: return answered<CompanySignIn>(status, std::move(body), generation);
    case Attachment: return answered<Attachment>(status, std::move(body), generation);
    }
    return answered<Program>(0, {}, generation);   // not an HttpReply: no answer
}

Action timer_fired(Timer timer, int generation) {
    switch (timer) {
    case Timer::UserSearch: return Fired<Timer::UserSearch>{generation};
    case Timer::OutboxRetry: return Fired<Timer::OutboxRetry>{generation};
    }
    return Fired<Timer::UserSearch>{-1};   // not a Timer: a generation no flow waits for
}

Effect fetch_program(const State& state) {
    return HttpGet{"/api/v1/program", HttpReply::Program, 0, state.program_tag};
}

std::vector<Effect> start(State& state, std::string_view initial_hash) {
    std::vector<Effect> effects;
    state.screen = parse_location(initial_hash, state.program);
    // Normalise an empty hash so Back from the first route lands on "#/".
    if (initial_hash.empty() || initial_hash == "#") effects.push_back(ReplaceLocation{"#/"});
    effects.push_back(fetch_program(state));
    effects.push_back(check_session());
    append(effects, on_enter(state));
    return effects;
}

namespace {

// Any answer from the service says it is reachable; no answer says it is not.
void note_reachability(State& state, const Action& action) {
    std::visit(
        [&](const auto& a) {
            using A = std::decay_t<decltype(a)>;
            if constexpr (std::is_base_of_v<HttpAnswer, A>) {
                // "Who is signed in?" is answered 401 by the shell itself when no
                // session cookie exists: that says nothing about the service.
                if (std::is_same_v<A, Answered<HttpReply::Session>> && a.status == 401) return;
                state.service_reachable = a.status != 0;
            }
        },
        action);
}

// The page itself: navigation, the program, the ticket list, time zones,
// the clock, updates of the portal and what the device kept for offline use.
using PageActions = Handles<OpenRoute, GoHome, OpenTickets, ReloadTickets, FilterTickets, LocationChanged,
                            Answered<HttpReply::Program>, Answered<HttpReply::Tickets>, SnapshotRestored,
                            DismissNotice, Tick, TimeZonesAvailable, ViewerTimeZoneDetected, ChooseViewerTimeZone,
                            TimeZoneLoaded, KeyPrefixChosen, UpdateReady, ApplyUpdate>;

std::vector<Effect> update_one(State& state, const Action& action) {
    struct Visitor : FlowVisitor<PageActions> {
        using FlowVisitor::FlowVisitor;
        using FlowVisitor::operator();

        std::vector<Effect> operator()(const OpenRoute& a) {
            if (!state.program.find_route(a.route_id)) {
                state.notice = "There is no support route called \"" + a.route_id + "\".";
                return {};
            }
            return navigate(state, RouteScreen{a.route_id});
        }
        std::vector<Effect> operator()(const GoHome&) { return navigate(state, HomeScreen{}); }
        std::vector<Effect> operator()(const OpenTickets&) { return navigate(state, TicketsScreen{}); }
        std::vector<Effect> operator()(const ReloadTickets&) { return fetch_tickets(state); }
        std::vector<Effect> operator()(const FilterTickets& a) {
            state.tickets.filter = a.filter;
            return {};
        }
        std::vector<Effect> operator()(const LocationChanged& a) {
            // The browser already moved; just follow it.
            Screen next = parse_location(a.hash, state.program);
            if (next == state.screen) return {};
            state.screen = std::move(next);
            return on_enter(state);
        }
        std::vector<Effect> operator()(const SnapshotRestored& a) { return snapshot_restored(state, a); }
        std::vector<Effect> operator()(const Answered<HttpReply::Program>& a) {
            // The compiled-in program keeps working offline; a newer one from
            // the service replaces it only when it is valid.
            // 304: the program held is the service's (usually the compiled-in one,
            // asked for with its tag, so its 32 KB are not loaded again).
            if (a.status != 200) return {};
            if (a.body == default_program_json()) {
                state.program = default_program();   // no need to read it again
            } else {
                Parsed<Program> parsed = parse_program(a.body);
                if (!parsed) {
                    state.notice = "The service sent a support program the portal cannot read (" + parsed.error +
                                   "); using the built-in one.";
                    return {};
                }
                state.program = std::move(*parsed.value);
            }
            state.program_tag = content_tag(a.body);
            // Schedules may have changed: rebuild the calendars of loaded zones.
            state.calendars.clear();
            for (const auto& [name, zone] : state.zones) build_calendars(state, name);
            // A deep link to a route that only the new program has resolves now.
            if (auto* nf = std::get_if<NotFoundScreen>(&state.screen))
                state.screen = parse_location(nf->hash, state.program);
            return {};
        }
        std::vector<Effect> operator()(const Answered<HttpReply::Tickets>& a) {
            TicketList& list = state.tickets;
            if (a.status == 401) {
                list.loading = list.paging = false;
                return session_ended(state);
            }
            if (a.status != 200) {
                list.loading = false;
                list.paging = false;
                list.pages.clear();
                std::vector<Effect> effects;
                // Unreachable: the last list seen, marked with its age, beats an error.
                if (a.status == 0 || a.status >= 500) {
                    if (!list.items.empty()) {
                        if (!list.as_of) list.as_of = list.received_at;
                        list.error.clear();
                        return effects;
                    }
                    if (show_device_tickets(state, effects)) return effects;
                }
                list.error = a.status == 0 ? "The service could not be reached. Check your connection and try again."
                                           : "The service could not list tickets (HTTP " +
                                                 std::to_string(a.status) + ").";
                return effects;
            }
            Parsed<TicketPage> page = parse_ticket_page(a.body);
            if (!page) {
                list.loading = false;
                list.paging = false;
                list.pages.clear();
                list.error = "The service sent a ticket list the portal cannot read (" + page.error + ").";
                return {};
            }
            // A listing's first page replaces what we had; its later pages append.
            if (!list.paging) {
                list.items.clear();
                list.pages.clear();
                ++list.revision;
            }
            list.pages.push_back(a.body);
            std::vector<Effect> effects;
            for (Ticket& t : page.value->items) {
                append(effects, request_time_zone(state, t.customer_time_zone));
                list.items.push_back(std::move(t));
            }
            if (!page.value->next_cursor.empty()) {
                list.paging = true;
                effects.push_back(HttpGet{next_page_url(page.value->next_cursor), HttpReply::Tickets});
            } else {
                list.paging = false;
                list.loading = false;
                list.loaded = true;
                list.as_of.reset();
                list.received_at = state.now;
                effects.push_back(tickets_snapshot(state.now, list.pages));
                list.pages.clear();
            }
            return effects;
        }
        std::vector<Effect> operator()(const DismissNotice&) {
            state.notice.clear();
            return {};
        }
        std::vector<Effect> operator()(const Tick& a) {
            state.now = a.now;
            return {};
        }
        std::vector<Effect> operator()(const TimeZonesAvailable& a) {
            state.known_time_zones = a.names;
            std::sort(state.known_time_zones.begin(), state.known_time_zones.end());
            return {};
        }
        std::vector<Effect> operator()(const ViewerTimeZoneDetected& a) {
            if (!state.viewer_time_zone.empty()) return {};   // the user's choice wins
            state.viewer_time_zone = a.name.empty() ? "UTC" : a.name;
            return request_time_zone(state, state.viewer_time_zone);
        }
        std::vector<Effect> operator()(const ChooseViewerTimeZone& a) {
            if (!state.known_time_zones.empty() &&
                !std::binary_search(state.known_time_zones.begin(), state.known_time_zones.end(), a.name)) {
                state.notice = "\"" + a.name + "\" is not a time zone the portal knows.";
                return {};
            }
            state.viewer_time_zone = a.name;
            return request_time_zone(state, a.name);
        }
        std::vector<Effect> operator()(const TimeZoneLoaded& a) {
            state.zones_requested.erase(a.name);
            if (!a.zone) {
                state.notice = "The rules of time zone \"" + a.name + "\" could not be loaded; times in it are not shown.";
                return {};
            }
            state.zones[a.name] = a.zone;
            build_calendars(state, a.name);
            // A form whose timestamp names this zone can be read now.
            for (auto& [route, form] : state.requests) recheck_request(state, form);
            return {};
        }
        std::vector<Effect> operator()(const KeyPrefixChosen& a) {
            if (!a.prefix.empty()) state.key_prefix = a.prefix;
            return {};
        }
        std::vector<Effect> operator()(const UpdateReady&) {
            state.update_ready = true;
            return {};
        }
        std::vector<Effect> operator()(const ApplyUpdate&) {
            if (!state.update_ready) return {};   // nothing is waiting: a stray click changes nothing
            return {ReloadForUpdate{}};
        }
    };
    // Each Action goes to the one flow that lists it: request forms
    // (request_flow), drafts on the device (drafts_flow), one ticket
    // (ticket_flow), the session (session_flow), support users
    // (users_flow), accepting an invitation (invitation_flow), a forgotten
    // password (password_reset_flow), the account page (account_flow), the
    // outbox (outbox_flow), HAR files and tokens (har_flow), the page itself (above).
    return std::visit(
        [&](const auto& a) -> std::vector<Effect> {
            using A = std::decay_t<decltype(a)>;
            require_one_owner<A, PageActions, RequestActions, DraftsActions, TicketActions, SessionActions,
                              UsersActions, InvitationActions, PasswordResetActions, AccountActions, OutboxActions,
                              HarActions>();
            if constexpr (PageActions::owns<A>) return Visitor{state}(a);
            else if constexpr (RequestActions::owns<A>) return update_requests(state, action);
            else if constexpr (DraftsActions::owns<A>) return update_drafts(state, action);
            else if constexpr (TicketActions::owns<A>) return update_ticket(state, action);
            else if constexpr (SessionActions::owns<A>) return update_session(state, action);
            else if constexpr (UsersActions::owns<A>) return update_users(state, action);
            else if constexpr (InvitationActions::owns<A>) return update_invitation(state, action);
            else if constexpr (PasswordResetActions::owns<A>) return update_password_reset(state, action);
            else if constexpr (AccountActions::owns<A>) return update_account(state, action);
            else if constexpr (HarActions::owns<A>) return update_har(state, action);
            else return update_outbox(state, action);
        },
        action);
}

}  // namespace

namespace {

// When a ticket's first response falls due, if it is still awaited.
std::optional<Instant> response_due(const State& state, const Ticket& ticket) {
    if (ticket.status != TicketStatus::Open || ticket.first_response_at) return std::nullopt;
    const Parsed<ResponseTerms> terms = response_terms(state.program, ticket.plan, ticket.severity);
    const BusinessCalendar* calendar = ticket_calendar(state, ticket);
    if (!terms || !terms->target || !calendar) return std::nullopt;
    return response_deadline(*terms, *calendar, ticket.opened_at);
}

// The queue's order depends on the list, the filter, the program and the
// calendars loaded; not on the clock (a deadline is an instant), so it is
// sorted again only when one of those changes, never per frame. Deadlines
// are kept per ticket: a page appended computes only its own, a zone
// loaded only those still unknown.
void refresh_shown_tickets(State& state) {
    TicketList& list = state.tickets;
    const bool queue = state.account && state.account->supports_any();
    const TicketList::ShownFor now_for{list.revision, list.items.size(), state.calendars.size(), state.program_tag,
                                       list.filter, queue};
    if (now_for == list.shown_for) return;
    const TicketList::ShownFor before = std::exchange(list.shown_for, now_for);
    list.shown.clear();
    if (!queue) {
        list.due.clear();
        for (int i = 0; i < int(list.items.size()); ++i) list.shown.push_back(i);
        return;
    }
    if (before.revision != now_for.revision || before.program_tag != now_for.program_tag || !before.queue) list.due.clear();
    if (before.calendars != now_for.calendars)
        for (size_t i = 0; i < list.due.size(); ++i)
            if (!list.due[i]) list.due[i] = response_due(state, list.items[i]);
    for (size_t i = list.due.size(); i < list.items.size(); ++i) list.due.push_back(response_due(state, list.items[i]));
    list.shown = queue_order(list.items, list.due, list.filter);
}

}  // namespace

std::vector<Effect> update(State& state, const Action& action) {
    note_reachability(state, action);
    std::vector<Effect> effects = update_one(state, action);
    // Whatever happened, queued requests go out as soon as they can.
    append(effects, deliver_outbox(state));
    refresh_shown_tickets(state);
    return effects;
}

const BusinessCalendar* ticket_calendar(const State& state, const Ticket& ticket) {
    Parsed<ResponseTerms> terms = response_terms(state.program, ticket.plan, ticket.severity);
    if (!terms || !terms->schedule) return nullptr;
    auto it = state.calendars.find({terms->schedule->id, ticket.customer_time_zone});
    return it == state.calendars.end() ? nullptr : &it->second;
}

}  // namespace core
