#include "web/accounts/second_factor_routes.hpp"

#include "web/accounts/account_store.hpp"
#include "web/accounts/qr_code.hpp"
#include "web/accounts/second_factor_store.hpp"
#include "web/accounts/session_routes.hpp"
#include "web/accounts/totp.hpp"
#include "web/http/json_response.hpp"
#include "web/http/problem.hpp"
#include "web/store/sqlite_statement.hpp"

namespace web {

namespace {

constexpr const char* wrong_code = "That code is not right. Type the 6 digits your authenticator app shows now, or a recovery code.";

// The body's "code", or nothing after answering 400.
std::optional<std::string> code_of(ApiCall& call, std::optional<nlohmann::json>& body) {
    body = json_object_body(call.request, call.response);
    if (!body) return std::nullopt;
    std::optional<std::string> code = string_member(*body, "code");
    if (!code || code->empty()) {
        send_field_problems(call.response, 400, "Type the code from your authenticator app.",
                            {{"code", "Type the code from your authenticator app."}});
        return std::nullopt;
    }
    return code;
}

}  // namespace

void SecondFactorRoutes::add_to(ApiRouter& router) {
    const std::string base = "/api/v1/session/second-factor";
    router.add("POST", base, Access::Anyone, [this](ApiCall& call) { answer_challenge(call); });
    // A person's own, from their browser: an API token (a help desk's) may not lock them out.
    auto in_browser = [](void (SecondFactorRoutes::*handler)(ApiCall&), SecondFactorRoutes* routes) {
        return [handler, routes](ApiCall& call) {
            if (call.caller->via_api_token()) {
                send_problem(call.response, 403, "Two-step sign-in is set from a signed-in browser, not with an API token.");
                return;
            }
            (routes->*handler)(call);
        };
    };
    router.add("GET", base, Access::SignedIn, in_browser(&SecondFactorRoutes::state, this));
    router.add("POST", base + "/enrolment", Access::SignedIn, in_browser(&SecondFactorRoutes::enrol, this));
    router.add("POST", base + "/enrolment/confirm", Access::SignedIn, in_browser(&SecondFactorRoutes::confirm, this));
    router.add("POST", base + "/disable", Access::SignedIn, in_browser(&SecondFactorRoutes::disable, this));
}

void SecondFactorRoutes::answer_challenge(ApiCall& call) {
    std::optional<nlohmann::json> body;
    std::optional<std::string> code = code_of(call, body);
    if (!code) return;
    const std::string token = string_member(*body, "challenge").value_or("");
    enum class Outcome { SignedIn, Unknown, Wrong, NoAccess } outcome = Outcome::Unknown;
    int tries_left = 0;
    Caller caller;
    NewSession session;
    database_.with_connection([&](sqlite3* connection) {
        Transaction transaction(connection);
        SecondFactorStore store(connection);
        const std::optional<SignInChallenge> challenge = store.challenge(token, call.now);
        if (!challenge) return;
        if (!store.use_code(challenge->user_id, *code, call.now)) {
            outcome = Outcome::Wrong;
            tries_left = store.challenge_failed(*challenge);
            transaction.commit();
            return;
        }
        store.close_challenge(challenge->id);
        AccountStore accounts(connection);
        caller.memberships = accounts.active_memberships_of(challenge->user_id);
        // Revoked while typing the code: no session.
        if (caller.memberships.empty()) {
            outcome = Outcome::NoAccess;
            transaction.commit();
            return;
        }
        const std::optional<UserRecord> user = accounts.user_by_id(challenge->user_id);
        session = open_session(connection, challenge->user_id, call.now, call.request.remote_addr);
        caller.user_id = user->id;
        caller.email = user->email;
        caller.name = user->name;
        caller.csrf_token = session.csrf_token;
        outcome = Outcome::SignedIn;
        transaction.commit();
    });
    switch (outcome) {
        case Outcome::SignedIn: send_new_session(call.response, caller, session.token, address_, program_); return;
        case Outcome::Unknown:
            send_problem(call.response, 410, "This sign-in has ended (after five minutes or five wrong codes). Sign in again.");
            return;
        case Outcome::Wrong:
            if (tries_left == 0) {
                send_problem(call.response, 410, "Five wrong codes: this sign-in has ended. Sign in again with your password.");
                return;
            }
            send_field_problems(call.response, 422, wrong_code, {{"code", wrong_code}});
            return;
        case Outcome::NoAccess:
            send_problem(call.response, 403, "Your access to every tenant has ended. Ask an admin of your organisation to invite you again.");
            return;
    }
}

void SecondFactorRoutes::state(ApiCall& call) {
    nlohmann::ordered_json body;
    database_.with_connection([&](sqlite3* connection) {
        SecondFactorStore store(connection);
        body["enabled"] = store.enabled(call.caller->user_id);
        body["recovery_codes_left"] = store.recovery_codes_left(call.caller->user_id);
    });
    send_json(call.response, 200, body);
}

void SecondFactorRoutes::enrol(ApiCall& call) {
    const std::optional<std::string> secret = database_.with_connection(
        [&](sqlite3* connection) { return SecondFactorStore(connection).begin_enrolment(call.caller->user_id, call.now); });
    if (!secret) {
        send_problem(call.response, 409, "Two-step sign-in is on already; turn it off first to set up another app.");
        return;
    }
    const std::string uri = otpauth_uri(program_.product_name, call.caller->email, *secret);
    nlohmann::ordered_json body;
    body["secret"] = totp_secret_text(*secret);
    body["otpauth_uri"] = uri;
    if (std::optional<QrModules> qr = qr_modules(uri)) body["qr"] = {{"size", qr->size}, {"modules", qr->modules}};
    else body["qr"] = nullptr;
    send_json(call.response, 201, body);
}

void SecondFactorRoutes::confirm(ApiCall& call) {
    std::optional<nlohmann::json> body;
    std::optional<std::string> code = code_of(call, body);
    if (!code) return;
    bool waiting = false;
    const std::optional<std::vector<std::string>> codes = database_.with_connection([&](sqlite3* connection) {
        Transaction transaction(connection);
        SecondFactorStore store(connection);
        waiting = store.enrolment_waiting(call.caller->user_id);
        std::optional<std::vector<std::string>> made = store.confirm_enrolment(call.caller->user_id, *code, call.now);
        transaction.commit();
        return made;
    });
    if (!waiting) {
        send_problem(call.response, 409, "There is no app being set up; start again.");
        return;
    }
    if (!codes) {
        const char* wrong = "That code is not right. Type the 6 digits the app shows now for this account.";
        send_field_problems(call.response, 422, wrong, {{"code", wrong}});
        return;
    }
    nlohmann::ordered_json answer;
    answer["enabled"] = true;
    answer["recovery_codes"] = *codes;
    send_json(call.response, 200, answer);
}

void SecondFactorRoutes::disable(ApiCall& call) {
    std::optional<nlohmann::json> body;
    std::optional<std::string> code = code_of(call, body);
    if (!code) return;
    enum class Outcome { Off, WasOff, Wrong } outcome = Outcome::WasOff;
    database_.with_connection([&](sqlite3* connection) {
        Transaction transaction(connection);
        SecondFactorStore store(connection);
        if (!store.enabled(call.caller->user_id)) return;
        if (!store.use_code(call.caller->user_id, *code, call.now)) {
            outcome = Outcome::Wrong;
            return;
        }
        store.disable(call.caller->user_id);
        outcome = Outcome::Off;
        transaction.commit();
    });
    switch (outcome) {
        case Outcome::Off: send_json(call.response, 200, {{"enabled", false}}); return;
        case Outcome::WasOff: send_problem(call.response, 409, "Two-step sign-in is off already."); return;
        case Outcome::Wrong: send_field_problems(call.response, 422, wrong_code, {{"code", wrong_code}}); return;
    }
}

}  // namespace web
