#include "session_routes.hpp"

#include "account_json.hpp"
#include "account_store.hpp"
#include "json_response.hpp"
#include "password_hash.hpp"
#include "problem.hpp"
#include "session_cookie.hpp"
#include "session_store.hpp"
#include "sign_in_throttle.hpp"
#include "sqlite_statement.hpp"

#include "core/email_address.hpp"

#include <map>

namespace web {

namespace {

constexpr const char* wrong_credentials = "E-mail or password is wrong.";

std::string minutes_text(int64_t seconds) {
    int64_t minutes = (seconds + 59) / 60;
    return minutes == 1 ? "1 minute" : std::to_string(minutes) + " minutes";
}

}  // namespace

void send_new_session(httplib::Response& response, const Caller& caller, const std::string& token, const PublicAddress& address,
                      const core::Program& program) {
    set_session_cookie(response, token, address.https());
    send_json(response, 200, session_json(caller, program));
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
    if (!email_text || email_text->empty()) errors["email"] = "Enter your e-mail address.";
    if (!password || password->empty()) errors["password"] = "Enter your password.";
    if (!errors.empty()) {
        send_field_problems(call.response, 400, "Enter your e-mail address and password.", errors);
        return;
    }
    const std::string email = core::normalize_email_address(*email_text);
    const std::string client = call.request.remote_addr;

    SignInAttempt attempt;
    std::optional<UserRecord> user;
    database_.with_connection([&](sqlite3* connection) {
        Transaction transaction(connection);
        attempt = SignInThrottle(connection).begin(email, client, call.now);
        if (attempt.retry_after_seconds == 0) user = AccountStore(connection).user_by_email(email);
        transaction.commit();
    });
    if (attempt.retry_after_seconds > 0) {
        call.response.set_header("Retry-After", std::to_string(attempt.retry_after_seconds));
        send_problem(call.response, 429,
                     "Too many failed sign-ins. Try again in " + minutes_text(attempt.retry_after_seconds) + ".");
        return;
    }

    // The slow part, outside the database lock.
    bool right = false;
    if (user && user->password_hash)
        right = password_matches(*user->password_hash, *password);
    else
        spend_password_check_time(*password);
    if (!right) {
        send_problem(call.response, 401, wrong_credentials);
        return;
    }
    std::optional<std::string> rehashed;
    if (password_hash_outdated(*user->password_hash)) rehashed = hash_password(*password);

    Caller caller;
    NewSession session;
    database_.with_connection([&](sqlite3* connection) {
        Transaction transaction(connection);
        SignInThrottle(connection).succeeded(attempt, email);
        AccountStore accounts(connection);
        caller.memberships = accounts.active_memberships_of(user->id);
        if (!caller.memberships.empty()) {
            if (rehashed) accounts.set_password_hash(user->id, *rehashed);
            accounts.record_sign_in(user->id, call.now);
            SessionStore sessions(connection);
            sessions.remove_expired(call.now);
            session = sessions.open(user->id, call.now, client);
        }
        transaction.commit();
    });
    if (caller.memberships.empty()) {
        // The password was right, so saying why is no help to a guesser.
        send_problem(call.response, 403,
                     "Your access to every tenant has ended. Ask an admin of your organisation to invite you again.");
        return;
    }
    caller.user_id = user->id;
    caller.email = user->email;
    caller.name = user->name;
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
