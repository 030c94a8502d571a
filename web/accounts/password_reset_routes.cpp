#include "web/accounts/password_reset_routes.hpp"

#include "web/accounts/second_factor_store.hpp"
#include "web/accounts/account_store.hpp"
#include "web/accounts/password_hash.hpp"
#include "web/accounts/password_reset_store.hpp"
#include "web/accounts/password_sign_in.hpp"
#include "web/accounts/secret_token.hpp"
#include "web/accounts/session_routes.hpp"
#include "web/accounts/session_store.hpp"
#include "web/http/json_response.hpp"
#include "web/http/problem.hpp"
#include "web/mail/password_reset_mail.hpp"
#include "web/store/sqlite_statement.hpp"
#include "web/store/unix_time.hpp"

#include "core/checks/account_fields.hpp"
#include "core/checks/email_address.hpp"

namespace web {

namespace {

// A link and whether it can still be used.
struct ResetState {
    std::optional<PasswordResetRecord> reset;
    int problem_status = 0;   // 404 or 410 when it cannot
    std::string problem;
};

ResetState reset_state(sqlite3* connection, const std::string& token, core::Instant now) {
    ResetState state;
    state.reset = PasswordResetStore(connection).find(token);
    if (!state.reset) {
        state.problem_status = 404;
        state.problem = "There is no such link. Check that the whole link from the e-mail was copied, or ask for a new one.";
    } else if (state.reset->used_at) {
        state.problem_status = 410;
        state.problem = "This link has been used already. Sign in with your new password, or ask for a new link.";
    } else if (now >= state.reset->expires_at) {
        state.problem_status = 410;
        state.problem = "This link expired at " + utc_text(state.reset->expires_at) +
                        " (UTC). Ask for a new one with \"Forgot password?\" on the sign-in page.";
    }
    return state;
}

}  // namespace

void PasswordResetRoutes::add_to(ApiRouter& router) {
    router.add("POST", "/api/v1/password-resets", Access::Anyone, [this](ApiCall& call) { request(call); });
    router.add("GET", "/api/v1/password-resets/{token}", Access::Anyone, [this](ApiCall& call) { show(call); });
    router.add("POST", "/api/v1/password-resets/{token}", Access::Anyone, [this](ApiCall& call) { reset(call); });
}

void PasswordResetRoutes::request(ApiCall& call) {
    std::optional<nlohmann::json> body = json_object_body(call.request, call.response);
    if (!body) return;
    const std::string email = core::normalize_email_address(string_member(*body, "email").value_or(""));
    if (std::string problem = core::email_address_problem(email); !problem.empty()) {
        send_field_problems(call.response, 400, "Check the e-mail address.", {{"email", problem}});
        return;
    }
    std::chrono::seconds retry_after{};
    bool queued = false;
    database_.with_connection([&](sqlite3* connection) {
        Transaction transaction(connection);
        PasswordResetStore resets(connection);
        retry_after = resets.request(email, call.request.remote_addr, call.now);
        if (retry_after > std::chrono::seconds::zero()) return;
        int64_t user_id = 0;
        if (reset_eligibility(connection, email, &user_id) == ResetEligibility::Eligible) {
            const std::string token = new_secret_token();
            resets.add(token, user_id, call.now);
            Outbox(connection).add(password_reset_mail({program_.product_name, address_.url, token, email,
                                                        call.request.remote_addr, call.now + password_reset_lifetime}),
                                   call.now);
            queued = true;
        }
        transaction.commit();
    });
    if (retry_after > std::chrono::seconds::zero()) {
        send_throttled(call.response, retry_after, "Too many links were asked for.");
        return;
    }
    if (queued) mail_.mail_queued();
    // The same answer whether or not the address has an account.
    send_json(call.response, 202,
              {{"email", email}, {"link_lifetime_minutes", std::chrono::minutes(password_reset_lifetime).count()}});
}

void PasswordResetRoutes::show(ApiCall& call) {
    ResetState state;
    database_.with_connection([&](sqlite3* connection) { state = reset_state(connection, call.parameter(0), call.now); });
    if (state.problem_status) {
        send_problem(call.response, state.problem_status, state.problem);
        return;
    }
    send_json(call.response, 200, {{"email", state.reset->email}, {"expires_at", utc_text(state.reset->expires_at)}});
}

void PasswordResetRoutes::reset(ApiCall& call) {
    ResetState state;
    database_.with_connection([&](sqlite3* connection) { state = reset_state(connection, call.parameter(0), call.now); });
    if (state.problem_status) {
        send_problem(call.response, state.problem_status, state.problem);
        return;
    }
    std::optional<nlohmann::json> body = json_object_body(call.request, call.response);
    if (!body) return;
    const std::string password = string_member(*body, "password").value_or("");
    if (std::string problem = core::password_problem(password); !problem.empty()) {
        send_field_problems(call.response, 400, "Choose another password.", {{"password", problem}});
        return;
    }
    std::optional<std::string> password_hash = hash_password(password);   // slow: outside the database lock
    if (!password_hash) {
        send_problem(call.response, 503, "The service is too busy to set a password right now; try again in a minute.");
        return;
    }

    Caller caller;
    NewSession session;
    std::string challenge;   // a reset proves the mailbox, not the second factor: that is still asked
    database_.with_connection([&](sqlite3* connection) {
        Transaction transaction(connection);
        // Again, inside the transaction: the link works once even when two
        // browsers send it at the same moment.
        state = reset_state(connection, call.parameter(0), call.now);
        if (state.problem_status) return;
        const int64_t user_id = state.reset->user_id;
        AccountStore accounts(connection);
        accounts.set_password_hash(user_id, *password_hash);
        PasswordResetStore(connection).use_all_of(user_id, call.now);
        // Whoever knew the old password, or holds a session, is out.
        SessionStore sessions(connection);
        sessions.close_all_of(user_id);
        caller.memberships = accounts.active_memberships_of(user_id);
        if (!caller.memberships.empty()) {
            SecondFactorStore second_factor(connection);
            if (second_factor.enabled(user_id))
                challenge = second_factor.open_challenge(user_id, call.now);
            else
                session = open_session(connection, user_id, call.now, call.request.remote_addr);
        }
        if (std::optional<UserRecord> user = accounts.user_by_id(user_id)) {
            caller.user_id = user->id;
            caller.email = user->email;
            caller.name = user->name;
        }
        transaction.commit();
    });
    if (state.problem_status) {
        send_problem(call.response, state.problem_status, state.problem);
        return;
    }
    if (caller.memberships.empty()) {
        send_problem(call.response, 403,
                     "Your new password is set, but your access to every tenant has ended. Ask an admin of your "
                     "organisation to invite you again.");
        return;
    }
    if (!challenge.empty()) {
        send_second_factor_challenge(call.response, challenge, call.now);
        return;
    }
    caller.csrf_token = session.csrf_token;
    send_new_session(call.response, caller, session.token, address_, program_);
}

}  // namespace web
