#include "core/flows/session_flow.hpp"

#include "core/checks/email_address.hpp"
#include "core/checks/one_time_code.hpp"
#include "core/flows/account_flow.hpp"
#include "core/flows/api_request.hpp"
#include "core/flows/device_snapshots.hpp"
#include "core/flows/invitation_flow.hpp"
#include "core/flows/password_reset_flow.hpp"
#include "core/flows/outbox_flow.hpp"
#include "core/flows/users_flow.hpp"

#include "core/text/json_reader.hpp"

#include <nlohmann/json.hpp>

namespace core {

using nlohmann::json;

void push_screen(State& state, Screen next, std::vector<Effect>& effects) {
    if (next == state.screen) return;
    state.screen = std::move(next);
    effects.push_back(PushLocation{location_of(state.screen)});
}

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
        push_screen(state, SignInScreen{}, effects);
    }
    return effects;
}

std::optional<std::vector<Effect>> signed_in_by(State& state, const HttpAnswer& answer) {
    if (answer.status != 200) return std::nullopt;
    auto account = parse_account(answer.body);
    if (!account) return std::nullopt;
    signed_in(state, std::move(*account.value));
    state.invitation = {};
    state.password_reset = {};
    std::vector<Effect> effects{session_snapshot(state.now, answer.body)};
    Screen next = state.return_to.empty() ? Screen{TicketsScreen{}} : parse_location(state.return_to, state.program);
    state.return_to.clear();
    push_screen(state, std::move(next), effects);
    append(effects, enter_screen(state));
    return effects;
}

bool second_factor_asked(State& state, const HttpAnswer& answer, const std::string& for_email) {
    if (answer.status != 202) return false;
    const json body = read_json(answer.body);
    if (!body.is_object() || !body.contains("challenge") || !body["challenge"].is_string()) return false;
    const std::string email = for_email;   // it may be the form's own, which is cleared next
    state.sign_in = {};
    state.sign_in.email = email;
    state.sign_in.challenge = body["challenge"].get<std::string>();
    return true;
}

std::vector<Effect> enter_account_screen(State& state) {
    if (auto* invitation = std::get_if<InvitationScreen>(&state.screen))
        return enter_invitation_screen(state, invitation->token);
    if (auto* reset = std::get_if<PasswordResetScreen>(&state.screen)) return enter_password_reset_screen(state, reset->token);
    if (!needs_session(state.screen) || state.session == SessionStatus::Unknown) return {};
    if (state.session == SessionStatus::SignedOut) return session_ended(state);
    if (std::holds_alternative<UsersScreen>(state.screen)) return enter_users_screen(state);
    if (std::holds_alternative<AccountScreen>(state.screen)) return enter_account_page(state);
    return {};
}

std::vector<Effect> sign_out_now(State& state) {
    std::vector<Effect> effects{api_request(state, "DELETE", "/api/v1/session", HttpReply::SignOut)};
    append(effects, forget_private_data(state));
    state.return_to.clear();
    push_screen(state, SignInScreen{}, effects);
    return effects;
}

namespace {

struct SessionVisitor : FlowVisitor<SessionActions> {
    using FlowVisitor::FlowVisitor;
    using FlowVisitor::operator();

    std::vector<Effect> operator()(const EditSignIn& a) {
        (a.field == "email" ? state.sign_in.email : a.field == "code" ? state.sign_in.code : state.sign_in.password) = a.value;
        return {};
    }
    std::vector<Effect> operator()(const RestartSignIn&) {
        const std::string email = state.sign_in.email;
        state.sign_in = {};
        state.sign_in.email = email;
        return {};
    }
    std::vector<Effect> operator()(const SubmitSignIn&) {
        if (state.sign_in.busy) return {};
        if (!state.sign_in.challenge.empty()) {
            const std::string code = normalize_one_time_code(state.sign_in.code);
            if (code.empty()) {
                state.sign_in.error = "Type the code from your authenticator app, or a recovery code.";
                return {};
            }
            state.sign_in.busy = true;
            state.sign_in.to_company = false;
            state.sign_in.error.clear();
            json body = {{"challenge", state.sign_in.challenge}, {"code", code}};
            return {api_request(state, "POST", "/api/v1/session/second-factor", HttpReply::SignIn, body.dump())};
        }
        if (state.sign_in.email.empty() || state.sign_in.password.empty()) {
            state.sign_in.error = "Enter your e-mail address and password.";
            return {};
        }
        state.sign_in.busy = true;
        state.sign_in.to_company = false;
        state.sign_in.error.clear();
        json body = {{"email", state.sign_in.email}, {"password", state.sign_in.password}};
        return {api_request(state, "POST", "/api/v1/session", HttpReply::SignIn, body.dump())};
    }
    std::vector<Effect> operator()(const SignInWithCompany&) {
        if (state.sign_in.busy) return {};
        const std::string email = normalize_email_address(state.sign_in.email);
        if (email.empty()) {
            state.sign_in.error = "Enter your work e-mail address first: it tells the portal which company you sign in with.";
            return {};
        }
        state.sign_in.busy = true;
        state.sign_in.to_company = true;
        state.sign_in.error.clear();
        std::vector<Effect> effects;
        // An earlier refusal's words go: this is a new attempt.
        if (const auto* screen = std::get_if<SignInScreen>(&state.screen); screen && screen->refused) {
            state.screen = SignInScreen{};
            effects.push_back(ReplaceLocation{location_of(state.screen)});
        }
        json body = {{"email", email}};
        effects.push_back(api_request(state, "POST", "/api/v1/sso/start", HttpReply::CompanySignIn, body.dump()));
        return effects;
    }
    std::vector<Effect> operator()(const Answered<HttpReply::CompanySignIn>& a) {
        SignInForm& form = state.sign_in;
        if (a.status == 200) {
            const json body = read_json(a.body);
            auto url = body.is_object() ? body.find("authorization_url") : body.end();
            if (url != body.end() && url->is_string() &&
                (url->get<std::string>().starts_with("https://") || url->get<std::string>().starts_with("http://")))
                return {LeavePortal{url->get<std::string>()}};   // busy until the page goes
        }
        form.busy = false;
        form.error = a.status == 200 ? "The service's answer had no address to sign in at. Try again."
                                     : parse_problem(a.body, a.status).message;
        return {};
    }
    std::vector<Effect> operator()(const OpenSignIn&) {
        std::vector<Effect> effects;
        if (!std::holds_alternative<SignInScreen>(state.screen)) state.return_to = location_of(state.screen);
        push_screen(state, SignInScreen{}, effects);
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
    std::vector<Effect> operator()(const Answered<HttpReply::SignOut>&) { return {}; }
    std::vector<Effect> operator()(const Answered<HttpReply::SignIn>& a) {
        if (auto effects = signed_in_by(state, a)) return std::move(*effects);
        if (second_factor_asked(state, a, state.sign_in.email)) return {};
        SignInForm& form = state.sign_in;
        form.busy = false;
        form.password.clear();   // never keep a wrong password around
        form.code.clear();
        form.error = parse_problem(a.body, a.status).message;
        // The challenge is over (five wrong codes, five minutes): back to the password.
        if (!form.challenge.empty() && a.status != 422 && a.status != 0) form.challenge.clear();
        return {};
    }
};

}  // namespace

std::vector<Effect> update_session(State& state, const Action& action) {
    return std::visit(SessionVisitor{state}, action);
}

}  // namespace core
