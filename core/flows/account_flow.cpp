#include "core/flows/account_flow.hpp"

#include "core/checks/one_time_code.hpp"
#include "core/flows/api_request.hpp"
#include "core/flows/session_flow.hpp"
#include "core/model/account_answers.hpp"

#include <nlohmann/json.hpp>

namespace core {

namespace {

using nlohmann::json;

// A 401 ends the session like anywhere else; other problems are said on the page.
std::vector<Effect> refused(State& state, const HttpAnswer& answer) {
    SecondFactorView& v = state.second_factor;
    v.busy = false;
    if (answer.status == 401) return session_ended(state);
    v.error = answer.status == 0 ? "The service cannot be reached. Try again when you are online."
                                 : parse_problem(answer.body, answer.status).message;
    return {};
}

struct AccountVisitor : FlowVisitor<AccountActions> {
    using FlowVisitor::FlowVisitor;
    using FlowVisitor::operator();

    std::vector<Effect> operator()(const OpenAccount&) {
        std::vector<Effect> effects;
        push_screen(state, AccountScreen{}, effects);
        append(effects, enter_account_screen(state));
        return effects;
    }
    std::vector<Effect> operator()(const StartSecondFactorSetup&) {
        SecondFactorView& v = state.second_factor;
        if (v.busy || v.enabled) return {};
        v.busy = true;
        v.error.clear();
        return {api_request(state, "POST", "/api/v1/session/second-factor/enrolment", HttpReply::SecondFactorSetup, "{}")};
    }
    std::vector<Effect> operator()(const EditSecondFactorCode& a) {
        state.second_factor.code = a.code;
        state.second_factor.error.clear();
        return {};
    }
    std::vector<Effect> operator()(const ConfirmSecondFactor&) {
        SecondFactorView& v = state.second_factor;
        if (v.busy || v.secret.empty()) return {};
        const std::string code = normalize_one_time_code(v.code);
        if (!is_authenticator_code(code)) {
            v.error = "Type the 6 digits your authenticator app shows for this account.";
            return {};
        }
        v.busy = true;
        v.error.clear();
        return {api_request(state, "POST", "/api/v1/session/second-factor/enrolment/confirm", HttpReply::SecondFactorOn,
                            json{{"code", code}}.dump())};
    }
    std::vector<Effect> operator()(const CancelSecondFactorSetup&) {
        SecondFactorView& v = state.second_factor;
        v.secret.clear();
        v.otpauth_uri.clear();
        v.qr_size = 0;
        v.qr_modules.clear();
        v.code.clear();
        v.error.clear();
        return {};
    }
    std::vector<Effect> operator()(const TurnOffSecondFactor&) {
        SecondFactorView& v = state.second_factor;
        if (v.busy || !v.enabled) return {};
        if (normalize_one_time_code(v.code).empty()) {
            v.error = "Type a code from your authenticator app, or a recovery code, to turn two-step sign-in off.";
            return {};
        }
        v.busy = true;
        v.error.clear();
        return {api_request(state, "POST", "/api/v1/session/second-factor/disable", HttpReply::SecondFactorOff,
                            json{{"code", v.code}}.dump())};
    }
    std::vector<Effect> operator()(const RecoveryCodesSaved&) {
        state.second_factor.recovery_codes.clear();
        return {};
    }
    std::vector<Effect> operator()(const Answered<HttpReply::SecondFactorState>& a) {
        SecondFactorView& v = state.second_factor;
        if (a.status != 200) return refused(state, a);
        const Parsed<SecondFactorStatus> status = parse_second_factor_status(a.body);
        if (!status) {
            v.error = "The service's answer could not be read. Reload the page to try again.";
            return {};
        }
        v.enabled = status->enabled;
        v.recovery_codes_left = status->recovery_codes_left;
        v.loaded = true;
        return {};
    }
    std::vector<Effect> operator()(const Answered<HttpReply::SecondFactorSetup>& a) {
        SecondFactorView& v = state.second_factor;
        if (a.status != 201) return refused(state, a);
        v.busy = false;
        Parsed<SecondFactorEnrolment> enrolment = parse_second_factor_enrolment(a.body);
        if (!enrolment) {
            v.error = "The service's answer could not be read. Try again.";
            return {};
        }
        v.secret = std::move(enrolment->secret);
        v.otpauth_uri = std::move(enrolment->otpauth_uri);
        v.qr_size = enrolment->qr_size;
        v.qr_modules = std::move(enrolment->qr_modules);
        v.code.clear();
        return {};
    }
    std::vector<Effect> operator()(const Answered<HttpReply::SecondFactorOn>& a) {
        SecondFactorView& v = state.second_factor;
        if (a.status != 200) {
            v.code.clear();
            return refused(state, a);
        }
        std::vector<std::string> codes = parse_recovery_codes(a.body);
        v = {};
        v.loaded = true;
        v.enabled = true;
        v.recovery_codes_left = int(codes.size());
        v.recovery_codes = std::move(codes);
        return {};
    }
    std::vector<Effect> operator()(const Answered<HttpReply::SecondFactorOff>& a) {
        SecondFactorView& v = state.second_factor;
        if (a.status != 200) {
            v.code.clear();
            return refused(state, a);
        }
        v = {};
        v.loaded = true;
        return {};
    }
};

}  // namespace

std::vector<Effect> enter_account_page(State& state) {
    // What an earlier visit left on the page (a secret half set up, codes shown once) does not come back.
    state.second_factor = {};
    return {HttpGet{"/api/v1/session/second-factor", HttpReply::SecondFactorState}};
}

std::vector<Effect> update_account(State& state, const Action& action) { return std::visit(AccountVisitor{state}, action); }

}  // namespace core
