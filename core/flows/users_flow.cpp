#include "core/flows/users_flow.hpp"

#include "core/flows/api_request.hpp"
#include "core/flows/device_snapshots.hpp"
#include "core/checks/email_address.hpp"
#include "core/flows/session_flow.hpp"
#include "core/text/url_text.hpp"

#include <nlohmann/json.hpp>

namespace core {

namespace {

using nlohmann::json;

std::string tenant_url(const State& state, const std::string& rest) {
    return "/api/v1/tenants/" + url_escape(state.current_tenant) + rest;
}

// Answers carry the list's generation: one to a search since changed is ignored.
HttpRequest users_request(const State& state, std::string method, std::string url, HttpReply reply,
                          std::string body = {}) {
    return api_request(state, std::move(method), std::move(url), reply, std::move(body), state.users.generation);
}

std::vector<Effect> list_users(State& state) {
    UsersView& u = state.users;
    u.loading = true;
    u.error.clear();
    std::string url = tenant_url(state, "/support-users?limit=100&sort=" + std::string(to_string(u.sort)) + "&order=" + (u.descending ? "desc" : "asc"));
    if (!u.query.empty()) url += "&q=" + url_escape(u.query);
    if (u.status) url += "&status=" + std::string(to_string(*u.status));
    return {users_request(state, "GET", url, HttpReply::Users)};
}

std::vector<Effect> refresh_users(State& state) {
    ++state.users.generation;
    state.users.next_cursor.clear();
    std::vector<Effect> effects = list_users(state);
    effects.push_back(users_request(state, "GET", tenant_url(state, "/audit?limit=50"), HttpReply::Audit));
    return effects;
}

bool is_admin_here(const State& state) { return state.account && state.account->is_admin_of(state.current_tenant); }

struct UsersVisitor : FlowVisitor<UsersActions> {
    using FlowVisitor::operator();
    UsersView& users;
    explicit UsersVisitor(State& s) : FlowVisitor(s), users(s.users) {}

    std::vector<Effect> operator()(const OpenUsers&) {
        std::vector<Effect> effects;
        push_screen(state, UsersScreen{}, effects);
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
        return {users_request(state, "GET", tenant_url(state, "/audit?limit=50&cursor=" + url_escape(users.audit_cursor)),
                        HttpReply::Audit)};
    }
    std::vector<Effect> operator()(const SelectUser& a) {
        users.selected_id = a.id;
        users.details.reset();
        return {users_request(state, "GET", tenant_url(state, "/support-users/" + url_escape(a.id)), HttpReply::UserDetails)};
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
        return {users_request(state, "POST", tenant_url(state, "/support-users/" + url_escape(users.confirm_revoke_id) + "/revoke"),
                        HttpReply::Revoke)};
    }
    std::vector<Effect> operator()(const OpenInvite&) {
        users.invite = {};
        users.invite.open = true;
        users.invite.tenants.insert(state.current_tenant);
        users.invite.idempotency_key = next_idempotency_key(state);
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
        HttpRequest r = users_request(state, "POST", tenant_url(state, "/support-users"), HttpReply::Invite, body.dump());
        r.idempotency_key = d.idempotency_key;
        return {r};
    }
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
        if (!appending && users.query.empty() && !users.status)
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
            effects.push_back(users_request(state, "GET", tenant_url(state, "/support-users/" + url_escape(revoked)), HttpReply::UserDetails));
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
        if (status >= 400 && status < 500) d.idempotency_key = next_idempotency_key(state);
        return {};
    }
};

}  // namespace

std::vector<Effect> enter_users_screen(State& state) {
    if (!is_admin_here(state)) return {};   // the screen says why
    return refresh_users(state);
}

std::vector<Effect> update_users(State& state, const Action& action) { return std::visit(UsersVisitor{state}, action); }

}  // namespace core
