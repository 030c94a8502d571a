#include "core/flows/password_reset_flow.hpp"

#include "core/checks/account_fields.hpp"
#include "core/checks/email_address.hpp"
#include "core/flows/api_request.hpp"
#include "core/flows/session_flow.hpp"
#include "core/model/account_answers.hpp"
#include "core/text/url_text.hpp"

#include <nlohmann/json.hpp>

namespace core {

namespace {

using nlohmann::json;

struct PasswordResetVisitor : FlowVisitor<PasswordResetActions> {
    using FlowVisitor::FlowVisitor;
    using FlowVisitor::operator();

    std::vector<Effect> operator()(const OpenForgotPassword&) {
        // The address typed to sign in is the one that forgot its password.
        PasswordResetView& v = state.password_reset;
        if (v.email.empty() || !v.sent_to.empty()) {
            v = {};
            v.email = state.sign_in.email;
        }
        std::vector<Effect> effects;
        push_screen(state, ForgotPasswordScreen{}, effects);
        return effects;
    }
    std::vector<Effect> operator()(const EditPasswordReset& a) {
        PasswordResetView& v = state.password_reset;
        if (a.field == "email") {
            v.email = a.value;
            v.sent_to.clear();   // a new address is a new request
        } else {
            v.password = a.value;
        }
        v.field_errors.erase(a.field);
        return {};
    }
    std::vector<Effect> operator()(const SubmitPasswordResetRequest&) {
        PasswordResetView& v = state.password_reset;
        if (v.busy) return {};
        v.error.clear();
        const std::string email = normalize_email_address(v.email);
        if (std::string problem = email_address_problem(email); !problem.empty()) {
            v.field_errors["email"] = problem;
            return {};
        }
        v.busy = true;
        return {api_request(state, "POST", "/api/v1/password-resets", HttpReply::RequestPasswordReset,
                            json{{"email", email}}.dump())};
    }
    std::vector<Effect> operator()(const Answered<HttpReply::RequestPasswordReset>& a) {
        PasswordResetView& v = state.password_reset;
        v.busy = false;
        if (a.status == 202) {
            // The link is on its way either way: an unreadable answer only loses its details.
            const Parsed<PasswordResetSent> sent = parse_password_reset_sent(a.body);
            v.sent_to = sent ? sent->email : normalize_email_address(v.email);
            v.link_minutes = sent ? sent->link_minutes : 0;
            return {};
        }
        const Problem problem = parse_problem(a.body, a.status);
        v.field_errors = problem.field_errors;
        v.error = problem.message;
        return {};
    }
    std::vector<Effect> operator()(const Answered<HttpReply::PasswordReset>& a) {
        PasswordResetView& v = state.password_reset;
        v.loading = false;
        if (a.status == 200) {
            if (const Parsed<PasswordResetLink> link = parse_password_reset_link(a.body)) {
                v.account_email = link->email;
                v.expires_at = link->expires_at;
                return {};
            }
            v.error = "The service's answer about this link could not be read. Reload the page to try again.";
            return {};
        }
        v.error = parse_problem(a.body, a.status).message;
        return {};
    }
    std::vector<Effect> operator()(const SubmitNewPassword&) {
        PasswordResetView& v = state.password_reset;
        if (v.busy || v.token.empty() || v.account_email.empty()) return {};
        v.error.clear();
        if (std::string problem = password_problem(v.password); !problem.empty()) {
            v.field_errors["password"] = problem;
            return {};
        }
        v.busy = true;
        return {api_request(state, "POST", "/api/v1/password-resets/" + url_escape(v.token), HttpReply::ResetPassword,
                            json{{"password", v.password}}.dump())};
    }
    std::vector<Effect> operator()(const Answered<HttpReply::ResetPassword>& a) {
        if (auto effects = signed_in_by(state, a)) return std::move(*effects);
        // Two-step sign-in: the new password is set; the app's code signs in.
        if (second_factor_asked(state, a, state.password_reset.account_email)) {
            state.sign_in.error.clear();
            state.password_reset = {};
            std::vector<Effect> effects;
            push_screen(state, SignInScreen{}, effects);
            return effects;
        }
        PasswordResetView& v = state.password_reset;
        const Problem problem = parse_problem(a.body, a.status);
        v.busy = false;
        v.field_errors = problem.field_errors;
        v.error = problem.message;
        // The link is of no further use: say so instead of the form.
        if (a.status == 404 || a.status == 410 || a.status == 403) v.account_email.clear();
        return {};
    }
};

}  // namespace

std::vector<Effect> enter_password_reset_screen(State& state, const std::string& token) {
    if (state.password_reset.token == token) return {};
    state.password_reset = {};
    state.password_reset.token = token;
    state.password_reset.loading = true;
    return {HttpGet{"/api/v1/password-resets/" + url_escape(token), HttpReply::PasswordReset}};
}

std::vector<Effect> update_password_reset(State& state, const Action& action) {
    return std::visit(PasswordResetVisitor{state}, action);
}

}  // namespace core
