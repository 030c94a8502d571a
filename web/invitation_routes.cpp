#include "invitation_routes.hpp"

#include "account_json.hpp"
#include "account_store.hpp"
#include "audit_log.hpp"
#include "invitation_store.hpp"
#include "json_response.hpp"
#include "password_hash.hpp"
#include "problem.hpp"
#include "session_routes.hpp"
#include "session_store.hpp"
#include "sqlite_statement.hpp"
#include "unix_time.hpp"

#include "core/account_fields.hpp"

#include <map>

namespace web {

namespace {

// An invitation and what accepting it would do now, or why it cannot be used.
struct InvitationState {
    std::optional<InvitationRecord> invitation;
    std::vector<MembershipRecord> open;   // memberships accepting activates
    int problem_status = 0;               // 404 or 410 when it cannot be used
    std::string problem;
};

InvitationState invitation_state(sqlite3* connection, const std::string& token, int64_t now) {
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
        state.problem = "This invitation has been used already. Sign in with the password chosen then, or ask an admin "
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
        if (membership && membership->status == "invited" && membership->invited_at <= invitation.created_at)
            state.open.push_back(*membership);
    }
    if (state.open.empty()) {
        state.problem_status = 410;
        state.problem = "This invitation was withdrawn. Ask an admin for a new one if you still need access.";
    }
    return state;
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
        if (state.invitation) inviter = AccountStore(connection).user_by_id(state.invitation->invited_by);
    });
    if (state.problem_status) {
        send_problem(call.response, state.problem_status, state.problem);
        return;
    }
    nlohmann::ordered_json tenants = nlohmann::ordered_json::array();
    for (const MembershipRecord& membership : state.open)
        tenants.push_back({{"tenant", membership.tenant.slug}, {"tenant_name", membership.tenant.name}});
    nlohmann::ordered_json body;
    body["email"] = state.invitation->email;
    body["tenants"] = std::move(tenants);
    body["invited_by"] = inviter ? person_json(inviter->email, inviter->name) : nlohmann::ordered_json(nullptr);
    body["expires_at"] = utc_text(state.invitation->expires_at);
    send_json(call.response, 200, body);
}

void InvitationRoutes::accept(ApiCall& call) {
    const std::string& token = call.parameter(0);
    InvitationState state;
    database_.with_connection([&](sqlite3* connection) { state = invitation_state(connection, token, call.now); });
    if (state.problem_status) {
        send_problem(call.response, state.problem_status, state.problem);
        return;
    }

    std::optional<nlohmann::json> body = json_object_body(call.request, call.response);
    if (!body) return;
    std::string name = core::normalize_name(string_member(*body, "name").value_or(""));
    std::string password = string_member(*body, "password").value_or("");
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

    Caller caller;
    NewSession session;
    database_.with_connection([&](sqlite3* connection) {
        Transaction transaction(connection);
        // Again, inside the transaction: the link works once even when two
        // browsers send it at the same moment.
        state = invitation_state(connection, token, call.now);
        if (state.problem_status) return;
        const int64_t user_id = state.invitation->user_id;
        AccountStore accounts(connection);
        accounts.set_name_and_password(user_id, name, *password_hash);
        for (const MembershipRecord& membership : state.open) {
            accounts.set_status(membership.id, "active", std::nullopt);
            write_audit(connection, AuditEvent{call.now, membership.tenant.id, user_id, "accept", user_id, call.request.remote_addr});
        }
        InvitationStore(connection).mark_used(state.invitation->id, call.now);
        accounts.record_sign_in(user_id, call.now);
        session = SessionStore(connection).open(user_id, call.now, call.request.remote_addr);
        caller.user_id = user_id;
        caller.email = state.invitation->email;
        caller.name = name;
        caller.csrf_token = session.csrf_token;
        caller.memberships = accounts.active_memberships_of(user_id);
        transaction.commit();
    });
    if (state.problem_status) {
        send_problem(call.response, state.problem_status, state.problem);
        return;
    }
    send_new_session(call.response, caller, session.token, address_, program_);
}

}  // namespace web
