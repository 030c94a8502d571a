#include "web/accounts/invitation_routes.hpp"

#include "web/accounts/account_json.hpp"
#include "web/accounts/account_store.hpp"
#include "web/accounts/audit_log.hpp"
#include "web/accounts/invitation_store.hpp"
#include "web/http/json_response.hpp"
#include "web/accounts/password_hash.hpp"
#include "web/accounts/password_sign_in.hpp"
#include "web/http/problem.hpp"
#include "web/accounts/session_routes.hpp"
#include "web/accounts/session_store.hpp"
#include "web/store/sqlite_statement.hpp"
#include "web/store/unix_time.hpp"

#include "core/checks/account_fields.hpp"

#include <map>

namespace web {

namespace {

// An invitation and what accepting it would do now, or why it cannot be used.
struct InvitationState {
    std::optional<InvitationRecord> invitation;
    bool existing_account = false;        // the address has a password: accepting asks for it
    std::vector<MembershipRecord> open;   // memberships accepting activates
    int problem_status = 0;               // 404 or 410 when it cannot be used
    std::string problem;
};

InvitationState invitation_state(sqlite3* connection, const std::string& token, core::Instant now) {
    InvitationState state;
    state.invitation = InvitationStore(connection).find(token);
    if (!state.invitation) {
        state.problem_status = 404;
        state.problem = "There is no such invitation. Check that the whole link from the e-mail was copied.";
        return state;
    }
    const InvitationRecord& invitation = *state.invitation;
    if (invitation.used_at) {
        state.problem_status = 410;
        state.problem = "This invitation has been used already. Sign in with your password, or ask an admin "
                        "for a new invitation.";
        return state;
    }
    if (now >= invitation.expires_at) {
        state.problem_status = 410;
        state.problem = "This invitation expired on " + utc_text(invitation.expires_at) + ". Ask an admin for a new one.";
        return state;
    }
    // A tenant counts while its membership still waits for this invitation:
    // not revoked meanwhile, and not invited again by a newer one.
    AccountStore accounts(connection);
    for (const TenantRecord& tenant : invitation.tenants) {
        std::optional<MembershipRecord> membership = accounts.membership(invitation.user_id, tenant.id);
        if (membership && membership->status == core::MembershipStatus::Invited && membership->invited_at <= invitation.created_at)
            state.open.push_back(*membership);
    }
    if (state.open.empty()) {
        state.problem_status = 410;
        state.problem = "This invitation was withdrawn. Ask an admin for a new one if you still need access.";
        return state;
    }
    std::optional<UserRecord> invitee = accounts.user_by_id(invitation.user_id);
    state.existing_account = invitee && invitee->password_hash;
    return state;
}

// Inside the transaction, for a state without a problem: the memberships
// become active, the link is used up, and the invitee is signed in.
NewSession join_invited_tenants(sqlite3* connection, const InvitationState& state, const ApiCall& call, Caller& caller) {
    const int64_t user_id = state.invitation->user_id;
    AccountStore accounts(connection);
    for (const MembershipRecord& membership : state.open) {
        accounts.join(membership.id, call.now);
        write_audit(connection, AuditEvent{call.now, membership.tenant.id, user_id, "accept", user_id, call.request.remote_addr});
    }
    InvitationStore(connection).mark_used(state.invitation->id, call.now);
    accounts.record_sign_in(user_id, call.now);
    NewSession session = SessionStore(connection).open(user_id, call.now, call.request.remote_addr);
    std::optional<UserRecord> user = accounts.user_by_id(user_id);
    caller.user_id = user_id;
    caller.email = state.invitation->email;
    caller.name = user ? user->name : std::nullopt;
    caller.csrf_token = session.csrf_token;
    caller.memberships = accounts.active_memberships_of(user_id);
    return session;
}

}  // namespace

void InvitationRoutes::add_to(ApiRouter& router) {
    router.add("GET", "/api/v1/invitations/{token}", Access::Anyone, [this](ApiCall& call) { show(call); });
    router.add("POST", "/api/v1/invitations/{token}/accept", Access::Anyone, [this](ApiCall& call) { accept(call); });
}

void InvitationRoutes::show(ApiCall& call) {
    InvitationState state;
    std::optional<UserRecord> inviter;
    database_.with_connection([&](sqlite3* connection) {
        state = invitation_state(connection, call.parameter(0), call.now);
        if (state.invitation && state.invitation->invited_by)
            inviter = AccountStore(connection).user_by_id(*state.invitation->invited_by);
    });
    if (state.problem_status) {
        send_problem(call.response, state.problem_status, state.problem);
        return;
    }
    nlohmann::ordered_json tenants = nlohmann::ordered_json::array();
    for (const MembershipRecord& membership : state.open)
        tenants.push_back({{"tenant", membership.tenant.slug},
                           {"tenant_name", membership.tenant.name},
                           {"role", core::to_string(membership.role)}});
    nlohmann::ordered_json body;
    body["email"] = state.invitation->email;
    body["tenants"] = std::move(tenants);
    body["invited_by"] = inviter ? person_json(inviter->email, inviter->name) : nlohmann::ordered_json(nullptr);
    body["expires_at"] = utc_text(state.invitation->expires_at);
    body["existing_account"] = state.existing_account;
    send_json(call.response, 200, body);
}

void InvitationRoutes::accept(ApiCall& call) {
    InvitationState state;
    database_.with_connection([&](sqlite3* connection) { state = invitation_state(connection, call.parameter(0), call.now); });
    if (state.problem_status) {
        send_problem(call.response, state.problem_status, state.problem);
        return;
    }
    std::optional<nlohmann::json> body = json_object_body(call.request, call.response);
    if (!body) return;
    if (state.existing_account)
        accept_as_existing_account(call, *body, state.invitation->email);
    else
        accept_as_new_account(call, *body);
}

void InvitationRoutes::accept_as_new_account(ApiCall& call, const nlohmann::json& body) {
    std::string name = core::normalize_name(string_member(body, "name").value_or(""));
    std::string password = string_member(body, "password").value_or("");
    std::map<std::string, std::string> errors;
    if (std::string problem = core::name_problem(name); !problem.empty()) errors["name"] = problem;
    if (std::string problem = core::password_problem(password); !problem.empty()) errors["password"] = problem;
    if (!errors.empty()) {
        send_field_problems(call.response, 400, "Check the name and password.", errors);
        return;
    }

    std::optional<std::string> password_hash = hash_password(password);   // slow: outside the database lock
    if (!password_hash) {
        send_problem(call.response, 503, "The service is too busy to set a password right now; try again in a minute.");
        return;
    }

    InvitationState state;
    Caller caller;
    NewSession session;
    bool account_taken = false;
    database_.with_connection([&](sqlite3* connection) {
        Transaction transaction(connection);
        // Again, inside the transaction: the link works once even when two
        // browsers send it at the same moment.
        state = invitation_state(connection, call.parameter(0), call.now);
        if (state.problem_status) return;
        // Another invitation's link may have set a password meanwhile; from
        // then on only that password joins.
        if (!AccountStore(connection).set_first_name_and_password(state.invitation->user_id, name, *password_hash)) {
            account_taken = true;
            return;
        }
        session = join_invited_tenants(connection, state, call, caller);
        transaction.commit();
    });
    if (state.problem_status) {
        send_problem(call.response, state.problem_status, state.problem);
        return;
    }
    if (account_taken) {
        send_problem(call.response, 409,
                     "This address has an account now. Open the link again and sign in with its password to accept.");
        return;
    }
    send_new_session(call.response, caller, session.token, address_, program_);
}

void InvitationRoutes::accept_as_existing_account(ApiCall& call, const nlohmann::json& body, const std::string& email) {
    std::string password = string_member(body, "password").value_or("");
    if (password.empty()) {
        send_field_problems(call.response, 400, "Enter your password.",
                            {{"password", "Enter the password you sign in with to accept."}});
        return;
    }
    PasswordSignIn checked = check_password(database_, email, password, call.request.remote_addr, call.now);
    if (checked.attempt.refused()) {
        send_throttled(call.response, checked.attempt.retry_after);
        return;
    }
    if (!checked.user) {
        send_field_problems(call.response, 401, "The password is wrong.",
                            {{"password", "This is not the password of " + email + ". Use the one you sign in with."}});
        return;
    }

    InvitationState state;
    Caller caller;
    NewSession session;
    database_.with_connection([&](sqlite3* connection) {
        Transaction transaction(connection);
        state = invitation_state(connection, call.parameter(0), call.now);
        if (state.problem_status) return;
        password_accepted(connection, checked, call.now);
        session = join_invited_tenants(connection, state, call, caller);
        transaction.commit();
    });
    if (state.problem_status) {
        send_problem(call.response, state.problem_status, state.problem);
        return;
    }
    send_new_session(call.response, caller, session.token, address_, program_);
}

}  // namespace web
