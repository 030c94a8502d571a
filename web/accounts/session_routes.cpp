#include "web/accounts/session_routes.hpp"

#include "web/accounts/account_json.hpp"
#include "web/accounts/account_store.hpp"
#include "web/http/json_response.hpp"
#include "web/accounts/password_sign_in.hpp"
#include "web/http/problem.hpp"
#include "web/accounts/session_cookie.hpp"
#include "web/accounts/second_factor_store.hpp"
#include "web/accounts/session_store.hpp"
#include "web/sso/company_sign_in_store.hpp"
#include "web/store/unix_time.hpp"
#include "web/store/sqlite_statement.hpp"

#include "core/checks/email_address.hpp"

#include <map>

namespace web {

namespace {

constexpr const char* wrong_credentials = "E-mail or password is wrong.";

}  // namespace

void send_new_session(httplib::Response& response, const Caller& caller, const std::string& token, const PublicAddress& address,
                      const core::Program& program) {
    set_session_cookie(response, token, address.https());
    send_json(response, 200, session_json(caller, program));
}

NewSession open_session(sqlite3* connection, int64_t user_id, core::Instant now, const std::string& address) {
    AccountStore(connection).record_sign_in(user_id, now);
    SessionStore sessions(connection);
    sessions.remove_expired(now);
    return sessions.open(user_id, now, address);
}

void send_second_factor_challenge(httplib::Response& response, const std::string& challenge, core::Instant now) {
    nlohmann::ordered_json body;
    body["second_factor"] = "totp";
    body["challenge"] = challenge;
    body["expires_at"] = utc_text(now + challenge_lifetime);
    send_json(response, 202, body);
}

void SessionRoutes::add_to(ApiRouter& router) {
    router.add("POST", "/api/v1/session", Access::Anyone, [this](ApiCall& call) { sign_in(call); });
    router.add("GET", "/api/v1/session", Access::SignedIn, [this](ApiCall& call) { current(call); });
    router.add("DELETE", "/api/v1/session", Access::SignedIn, [this](ApiCall& call) { sign_out(call); });
}

void SessionRoutes::sign_in(ApiCall& call) {
    std::optional<nlohmann::json> body = json_object_body(call.request, call.response);
    if (!body) return;
    std::optional<std::string> email_text = string_member(*body, "email");
    std::optional<std::string> password = string_member(*body, "password");
    std::map<std::string, std::string> errors;
    const std::string email = core::normalize_email_address(email_text.value_or(""));
    if (email.empty()) errors["email"] = "Enter your e-mail address.";
    // No account has a longer one, and the throttle stores what is typed here.
    else if (email.size() > core::longest_email_address)
        errors["email"] = "An e-mail address is at most " + std::to_string(core::longest_email_address) + " characters.";
    if (!password || password->empty()) errors["password"] = "Enter your password.";
    if (!errors.empty()) {
        send_field_problems(call.response, 400, "Enter your e-mail address and password.", errors);
        return;
    }
    PasswordSignIn checked = check_password(database_, email, *password, call.request.remote_addr, call.now);
    if (checked.attempt.refused()) {
        send_throttled(call.response, checked.attempt.retry_after);
        return;
    }
    if (!checked.user) {
        send_problem(call.response, 401, wrong_credentials);
        return;
    }
    const UserRecord& user = *checked.user;

    Caller caller;
    NewSession session;
    std::string challenge;   // the second factor's, when the account has one
    bool company_only = false;
    database_.with_connection([&](sqlite3* connection) {
        Transaction transaction(connection);
        password_accepted(connection, checked, call.now);
        // Told only after a right password, so it says nothing about who has an account.
        if ((company_only = CompanySignInStore(connection).password_refused_for(user.id))) {
            transaction.commit();
            return;
        }
        AccountStore accounts(connection);
        caller.memberships = accounts.active_memberships_of(user.id);
        if (!caller.memberships.empty()) {
            SecondFactorStore second_factor(connection);
            if (second_factor.enabled(user.id))
                challenge = second_factor.open_challenge(user.id, call.now);
            else
                session = open_session(connection, user.id, call.now, call.request.remote_addr);
        }
        transaction.commit();
    });
    if (company_only) {
        send_problem(call.response, 403,
                     "Your organisation signs in with its own identity provider: use \"Sign in with your company account\".");
        return;
    }
    if (!challenge.empty()) {
        send_second_factor_challenge(call.response, challenge, call.now);
        return;
    }
    if (caller.memberships.empty()) {
        // The password was right, so saying why is no help to a guesser.
        send_problem(call.response, 403,
                     "Your access to every tenant has ended. Ask an admin of your organisation to invite you again.");
        return;
    }
    caller.user_id = user.id;
    caller.email = user.email;
    caller.name = user.name;
    caller.csrf_token = session.csrf_token;
    send_new_session(call.response, caller, session.token, address_, program_);
}

void SessionRoutes::current(ApiCall& call) { send_json(call.response, 200, session_json(*call.caller, program_)); }

void SessionRoutes::sign_out(ApiCall& call) {
    database_.with_connection([&](sqlite3* connection) { SessionStore(connection).close(call.caller->session_id); });
    clear_session_cookie(call.response, address_.https());
    call.response.status = 204;
}

}  // namespace web
