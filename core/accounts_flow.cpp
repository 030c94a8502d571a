#include "accounts_flow.hpp"

#include "account_fields.hpp"
#include "api_request.hpp"
#include "device_snapshots.hpp"
#include "outbox_flow.hpp"
#include "email_address.hpp"
#include "url_text.hpp"

#include <nlohmann/json.hpp>

namespace core {

namespace {

using nlohmann::json;

std::string tenant_url(const State& state, const std::string& rest) {
    return "/api/v1/tenants/" + url_escape(state.current_tenant) + rest;
}

HttpRequest request(const State& state, std::string method, std::string url, HttpReply reply, std::string body = {}) {
    return api_request(state, std::move(method), std::move(url), reply, std::move(body), state.users.generation);
}

std::string next_key(State& state) { return next_idempotency_key(state); }

void navigate_to(State& state, Screen screen, std::vector<Effect>& effects) {
    if (screen == state.screen) return;
    state.screen = std::move(screen);
    effects.push_back(PushLocation{location_of(state.screen)});
}

std::vector<Effect> list_users(State& state) {
    UsersView& u = state.users;
    u.loading = true;
    u.error.clear();
    std::string url = tenant_url(state, "/support-users?limit=100&sort=" + u.sort + "&order=" + (u.descending ? "desc" : "asc"));
    if (!u.query.empty()) url += "&q=" + url_escape(u.query);
    if (!u.status.empty()) url += "&status=" + u.status;
    return {request(state, "GET", url, HttpReply::Users)};
}

std::vector<Effect> refresh_users(State& state) {
    ++state.users.generation;
    state.users.next_cursor.clear();
    std::vector<Effect> effects = list_users(state);
    effects.push_back(request(state, "GET", tenant_url(state, "/audit?limit=50"), HttpReply::Audit));
    return effects;
}

bool is_admin_here(const State& state) { return state.account && state.account->is_admin_of(state.current_tenant); }

}  // namespace

void signed_in(State& state, Account account) {
    state.session = SessionStatus::SignedIn;
    state.session_from_device = false;
    // Keep the tenant the user was in if it is still theirs.
    if (!account.membership(state.current_tenant))
        state.current_tenant = account.memberships.empty() ? std::string() : account.memberships.front().tenant;
    state.account = std::move(account);
    state.sign_in = {};
}

std::vector<Effect> forget_private_data(State& state) {
    state.session = SessionStatus::SignedOut;
    state.session_from_device = false;
    state.account.reset();
    state.users = {};
    state.tickets = {};
    state.device_snapshots.clear();
    return {ForgetSnapshots{}};
}

Effect check_session() { return HttpGet{"/api/v1/session", HttpReply::Session}; }

std::vector<Effect> session_ended(State& state) {
    const bool was_signed_in = state.session == SessionStatus::SignedIn;
    std::vector<Effect> effects = forget_private_data(state);
    if (needs_session(state.screen)) {
        state.return_to = location_of(state.screen);
        if (was_signed_in) state.sign_in.error = "Your session has ended. Sign in again to continue.";
        navigate_to(state, SignInScreen{}, effects);
    }
    return effects;
}

std::vector<Effect> enter_account_screen(State& state) {
    std::vector<Effect> effects;
    if (auto* inv = std::get_if<InvitationScreen>(&state.screen)) {
        if (state.invitation.token != inv->token) {
            state.invitation = {};
            state.invitation.token = inv->token;
            state.invitation.loading = true;
            effects.push_back(HttpGet{"/api/v1/invitations/" + url_escape(inv->token), HttpReply::Invitation});
        }
        return effects;
    }
    if (!needs_session(state.screen) || state.session == SessionStatus::Unknown) return effects;
    if (state.session == SessionStatus::SignedOut) return session_ended(state);
    if (std::holds_alternative<UsersScreen>(state.screen)) {
        if (!is_admin_here(state)) return effects;   // the screen says why
        return refresh_users(state);
    }
    return effects;
}

namespace {

struct AccountsVisitor : FlowVisitor<AccountsActions> {
    using FlowVisitor<AccountsActions>::operator();
    State& state;
    UsersView& users;
    explicit AccountsVisitor(State& s) : state(s), users(s.users) {}

    std::vector<Effect> operator()(const EditSignIn& a) {
        (a.field == "email" ? state.sign_in.email : state.sign_in.password) = a.value;
        return {};
    }
    std::vector<Effect> operator()(const SubmitSignIn&) {
        if (state.sign_in.busy) return {};
        if (state.sign_in.email.empty() || state.sign_in.password.empty()) {
            state.sign_in.error = "Enter your e-mail address and password.";
            return {};
        }
        state.sign_in.busy = true;
        state.sign_in.error.clear();
        json body = {{"email", state.sign_in.email}, {"password", state.sign_in.password}};
        return {request(state, "POST", "/api/v1/session", HttpReply::SignIn, body.dump())};
    }
    std::vector<Effect> operator()(const OpenSignIn&) {
        std::vector<Effect> effects;
        if (!std::holds_alternative<SignInScreen>(state.screen)) state.return_to = location_of(state.screen);
        navigate_to(state, SignInScreen{}, effects);
        return effects;
    }
    std::vector<Effect> operator()(const ChooseTenant& a) {
        if (!state.account || !state.account->membership(a.tenant) || a.tenant == state.current_tenant) return {};
        state.current_tenant = a.tenant;
        state.users = {};
        state.users.generation = 1;
        state.tickets = {};
        return enter_screen(state);
    }
    std::vector<Effect> operator()(const OpenUsers&) {
        std::vector<Effect> effects;
        navigate_to(state, UsersScreen{}, effects);
        std::vector<Effect> more = enter_screen(state);
        effects.insert(effects.end(), more.begin(), more.end());
        return effects;
    }
    std::vector<Effect> operator()(const EditUserSearch& a) {
        users.query = a.query;
        // Results as you type, but one request per pause, not per key.
        return {StartTimer{Timer::UserSearch, 250, ++users.generation}};
    }
    std::vector<Effect> operator()(const Fired<Timer::UserSearch>& a) {
        if (a.generation != users.generation) return {};
        users.next_cursor.clear();
        return list_users(state);
    }
    std::vector<Effect> operator()(const ChooseUserStatus& a) {
        users.status = a.status;
        ++users.generation;
        users.next_cursor.clear();
        return list_users(state);
    }
    std::vector<Effect> operator()(const SortUsers& a) {
        if (users.sort == a.column) users.descending = !users.descending;
        else {
            users.sort = a.column;
            users.descending = false;
        }
        ++users.generation;
        users.next_cursor.clear();
        return list_users(state);
    }
    std::vector<Effect> operator()(const LoadMoreUsers&) {
        if (users.loading || users.next_cursor.empty()) return {};
        std::vector<Effect> effects = list_users(state);
        std::get<HttpRequest>(effects[0]).url += "&cursor=" + url_escape(users.next_cursor);
        return effects;
    }
    std::vector<Effect> operator()(const LoadOlderAudit&) {
        if (users.audit_paging || users.audit_cursor.empty()) return {};
        users.audit_paging = true;
        return {request(state, "GET", tenant_url(state, "/audit?limit=50&cursor=" + url_escape(users.audit_cursor)),
                        HttpReply::Audit)};
    }
    std::vector<Effect> operator()(const SelectUser& a) {
        users.selected_id = a.id;
        users.details.reset();
        return {request(state, "GET", tenant_url(state, "/support-users/" + url_escape(a.id)), HttpReply::UserDetails)};
    }
    std::vector<Effect> operator()(const AskRevoke& a) {
        users.confirm_revoke_id = a.id;
        return {};
    }
    std::vector<Effect> operator()(const CancelRevoke&) {
        users.confirm_revoke_id.clear();
        return {};
    }
    std::vector<Effect> operator()(const ConfirmRevoke&) {
        if (users.confirm_revoke_id.empty() || users.revoke_busy) return {};
        users.revoke_busy = true;
        return {request(state, "POST", tenant_url(state, "/support-users/" + url_escape(users.confirm_revoke_id) + "/revoke"),
                        HttpReply::Revoke)};
    }
    std::vector<Effect> operator()(const OpenInvite&) {
        users.invite = {};
        users.invite.open = true;
        users.invite.tenants.insert(state.current_tenant);
        users.invite.idempotency_key = next_key(state);
        return {};
    }
    std::vector<Effect> operator()(const CloseInvite&) {
        users.invite.open = false;
        return {};
    }
    std::vector<Effect> operator()(const EditInvite& a) {
        users.invite.email = a.email;
        users.invite.field_errors.erase("email");
        return {};
    }
    std::vector<Effect> operator()(const ToggleInviteTenant& a) {
        if (!state.account || !state.account->is_admin_of(a.tenant)) return {};
        if (!users.invite.tenants.erase(a.tenant)) users.invite.tenants.insert(a.tenant);
        return {};
    }
    std::vector<Effect> operator()(const SubmitInvite&) {
        InviteDialog& d = users.invite;
        if (d.busy) return {};
        d.field_errors.clear();
        d.error.clear();
        // The same check the service makes, before a round trip.
        const std::string problem = email_address_problem(normalize_email_address(d.email));
        if (!problem.empty()) d.field_errors["email"] = problem;
        if (d.tenants.empty()) d.field_errors["tenants"] = "Choose at least one service the user gets support for.";
        if (!d.field_errors.empty()) return {};
        d.busy = true;
        json body = {{"email", d.email}, {"tenants", json::array()}};
        for (const std::string& t : d.tenants) body["tenants"].push_back(t);
        HttpRequest r = request(state, "POST", tenant_url(state, "/support-users"), HttpReply::Invite, body.dump());
        r.idempotency_key = d.idempotency_key;
        return {r};
    }
    std::vector<Effect> operator()(const EditInvitation& a) {
        (a.field == "name" ? state.invitation.name : state.invitation.password) = a.value;
        state.invitation.field_errors.erase(a.field);
        return {};
    }
    std::vector<Effect> operator()(const SubmitInvitation&) {
        InvitationView& v = state.invitation;
        if (v.busy || v.token.empty()) return {};
        v.error.clear();
        json body = {{"password", v.password}};
        if (!v.invitation || !v.invitation->existing_account) {
            // A new account: the service's rules, said before sending.
            if (std::string problem = name_problem(normalize_name(v.name)); !problem.empty()) v.field_errors["name"] = problem;
            if (std::string problem = password_problem(v.password); !problem.empty()) v.field_errors["password"] = problem;
            if (!v.field_errors.empty()) return {};
            body["name"] = v.name;
        }
        v.busy = true;
        return {request(state, "POST", "/api/v1/invitations/" + url_escape(v.token) + "/accept", HttpReply::AcceptInvitation,
                        body.dump())};
    }

    std::vector<Effect> operator()(const Answered<HttpReply::Session>& a) {
        const int status = a.status;
        if (status == 0) {
            // Unreachable: work on as the device remembers the person (shown
            // as such); queued requests wait for a confirmed session.
            outbox_session_unreachable(state);
            if (state.session == SessionStatus::Unknown && sign_in_from_device(state)) return enter_screen(state);
            return {};
        }
        state.outbox_session_check = false;
        if (status == 200) {
            if (auto account = parse_account(a.body)) {
                signed_in(state, std::move(*account.value));
                std::vector<Effect> effects{session_snapshot(state.now, a.body)};
                append(effects, enter_screen(state));
                return effects;
            }
        }
        std::vector<Effect> effects = forget_private_data(state);
        append(effects, enter_screen(state));
        return effects;
    }
    std::vector<Effect> operator()(const Answered<HttpReply::SignIn>& a) { return signed_in_or_refused(a, false); }
    std::vector<Effect> operator()(const Answered<HttpReply::AcceptInvitation>& a) { return signed_in_or_refused(a, true); }
    std::vector<Effect> operator()(const Answered<HttpReply::SignOut>&) { return {}; }
    std::vector<Effect> operator()(const Answered<HttpReply::Invitation>& a) {
        const int status = a.status;
        InvitationView& v = state.invitation;
        v.loading = false;
        if (status == 200) {
            if (auto inv = parse_invitation(a.body)) {
                v.invitation = std::move(*inv.value);
                return {};
            }
        }
        v.error = parse_problem(a.body, status).message;
        return {};
    }

    // Everything below needs the session; 401 ends it.
    std::vector<Effect> operator()(const Answered<HttpReply::Users>& a) {
        const int status = a.status;
        if (status == 401) return session_ended(state);
        if (a.generation != users.generation) return {};   // an answer to a search the user has already changed
        users.loading = false;
        if (status == 0 || status >= 500) {
            // Unreachable: the list last seen, marked with its age.
            if (!users.items.empty()) {
                if (!users.as_of) users.as_of = users.received_at;
                users.error.clear();
                return {};
            }
            if (show_device_users(state)) return {};
        }
        auto page = status == 200 ? parse_support_user_page(a.body) : Parsed<SupportUserPage>{};
        if (!page) {
            users.error = status == 200 ? "The service sent a user list the portal cannot read (" + page.error + ")."
                                        : parse_problem(a.body, status).message;
            return {};
        }
        // A page after a cursor appends; a new search replaces.
        const bool appending = a.generation == users.generation && !users.next_cursor.empty();
        if (!appending) users.items.clear();
        for (SupportUser& u : page.value->items) users.items.push_back(std::move(u));
        users.next_cursor = page.value->next_cursor;
        users.total = page.value->total;
        users.loaded = true;
        users.as_of.reset();
        users.received_at = state.now;
        // The plain first page is what an offline visit shows.
        if (!appending && users.query.empty() && users.status.empty())
            return {users_snapshot(state.now, state.current_tenant, a.body)};
        return {};
    }
    std::vector<Effect> operator()(const Answered<HttpReply::Audit>& a) {
        const int status = a.status;
        if (status == 401) return session_ended(state);
        if (a.generation != users.generation) return {};   // an answer to a search the user has already changed
        const bool append = users.audit_paging;
        users.audit_paging = false;
        if (status == 200) {
            if (auto audit = parse_audit_page(a.body)) {
                if (!append) users.audit.clear();
                users.audit.insert(users.audit.end(), audit.value->items.begin(), audit.value->items.end());
                users.audit_cursor = audit.value->next_cursor;
            }
        }
        return {};
    }
    std::vector<Effect> operator()(const Answered<HttpReply::UserDetails>& a) {
        const int status = a.status;
        if (status == 401) return session_ended(state);
        if (status == 200)
            if (auto d = parse_support_user_details(a.body); d && d.value->user.id == users.selected_id)
                users.details = std::move(*d.value);
        return {};
    }
    std::vector<Effect> operator()(const Answered<HttpReply::Revoke>& a) {
        const int status = a.status;
        if (status == 401) return session_ended(state);
        users.revoke_busy = false;
        if (status != 200) {
            users.message = parse_problem(a.body, status).message;
            users.confirm_revoke_id.clear();
            return {};
        }
        std::string who = users.confirm_revoke_id;
        for (const SupportUser& u : users.items)
            if (u.id == users.confirm_revoke_id) who = u.email;
        users.message = "Revoked " + who + "'s support access. Their tickets stay.";
        const std::string revoked = users.confirm_revoke_id;
        users.confirm_revoke_id.clear();
        std::vector<Effect> effects = refresh_users(state);
        if (users.selected_id == revoked) {
            users.details.reset();
            effects.push_back(request(state, "GET", tenant_url(state, "/support-users/" + url_escape(revoked)), HttpReply::UserDetails));
        }
        return effects;
    }
    std::vector<Effect> operator()(const Answered<HttpReply::Invite>& a) {
        const int status = a.status;
        if (status == 401) return session_ended(state);
        InviteDialog& d = users.invite;
        d.busy = false;
        if (status == 201 || status == 200) {
            users.message = "Invitation sent to " + d.email + ".";
            d = {};
            return refresh_users(state);
        }
        const Problem problem = parse_problem(a.body, status);
        d.field_errors = problem.field_errors;
        if (problem.field_errors.empty()) d.error = problem.message;
        // A rejected invitation may be corrected and sent again as a new request.
        if (status >= 400 && status < 500) d.idempotency_key = next_key(state);
        return {};
    }

    // Signing in and accepting an invitation both end signed in, or refused.
    std::vector<Effect> signed_in_or_refused(const HttpAnswer& a, bool accept) {
        const int status = a.status;
        if (status == 200) {
            auto account = parse_account(a.body);
            if (account) {
                signed_in(state, std::move(*account.value));
                state.invitation = {};
                std::vector<Effect> effects{session_snapshot(state.now, a.body)};
                Screen next = state.return_to.empty() ? Screen{TicketsScreen{}} : parse_location(state.return_to, state.program);
                state.return_to.clear();
                navigate_to(state, std::move(next), effects);
                std::vector<Effect> more = enter_screen(state);
                effects.insert(effects.end(), more.begin(), more.end());
                return effects;
            }
        }
        const Problem problem = parse_problem(a.body, status);
        if (accept) {
            state.invitation.busy = false;
            if (status == 401) state.invitation.password.clear();   // an existing account's wrong password
            state.invitation.field_errors = problem.field_errors;
            state.invitation.error = problem.message;
        } else {
            state.sign_in.busy = false;
            state.sign_in.password.clear();   // never keep a wrong password around
            state.sign_in.error = problem.message;
        }
        return {};
        }
};

}  // namespace

std::vector<Effect> sign_out_now(State& state) {
        std::vector<Effect> effects{request(state, "DELETE", "/api/v1/session", HttpReply::SignOut)};
        append(effects, forget_private_data(state));
        state.return_to.clear();
        navigate_to(state, SignInScreen{}, effects);
        return effects;
}

std::vector<Effect> update_accounts(State& state, const Action& action) { return std::visit(AccountsVisitor{state}, action); }

}  // namespace core
