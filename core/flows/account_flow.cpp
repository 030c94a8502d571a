#include "core/flows/account_flow.hpp"

#include "core/checks/one_time_code.hpp"
#include "core/flows/api_request.hpp"
#include "core/flows/session_flow.hpp"
#include "core/text/json_reader.hpp"

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

bool read_state(SecondFactorView& v, const json& answer) {
    if (!answer.is_object() || !answer.contains("enabled") || !answer["enabled"].is_boolean()) return false;
    v.enabled = answer["enabled"].get<bool>();
    v.recovery_codes_left = answer.contains("recovery_codes_left") && answer["recovery_codes_left"].is_number_integer()
                                ? answer["recovery_codes_left"].get<int>()
                                : 0;
    v.loaded = true;
    return true;
}

// The QR code's modules, when they are what was promised: a square of 0s and 1s.
void read_qr(SecondFactorView& v, const json& qr) {
    v.qr_size = 0;
    v.qr_modules.clear();
    if (!qr.is_object() || !qr.contains("size") || !qr["size"].is_number_integer() || !qr.contains("modules") ||
        !qr["modules"].is_string())
        return;
    const int size = qr["size"].get<int>();
    const std::string modules = qr["modules"].get<std::string>();
    if (size < 21 || size > 177 || modules.size() != size_t(size) * size_t(size) ||
        modules.find_first_not_of("01") != std::string::npos)
        return;
    v.qr_size = size;
    v.qr_modules = modules;
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
        if (!read_state(v, read_json(a.body))) v.error = "The service's answer could not be read. Reload the page to try again.";
        return {};
    }
    std::vector<Effect> operator()(const Answered<HttpReply::SecondFactorSetup>& a) {
        SecondFactorView& v = state.second_factor;
        if (a.status != 201) return refused(state, a);
        v.busy = false;
        const json answer = read_json(a.body);
        if (!answer.is_object() || !answer.contains("secret") || !answer["secret"].is_string() ||
            !answer.contains("otpauth_uri") || !answer["otpauth_uri"].is_string()) {
            v.error = "The service's answer could not be read. Try again.";
            return {};
        }
        v.secret = answer["secret"].get<std::string>();
        v.otpauth_uri = answer["otpauth_uri"].get<std::string>();
        read_qr(v, answer.contains("qr") ? answer["qr"] : json());
        v.code.clear();
        return {};
    }
    std::vector<Effect> operator()(const Answered<HttpReply::SecondFactorOn>& a) {
        SecondFactorView& v = state.second_factor;
        if (a.status != 200) {
            v.code.clear();
            return refused(state, a);
        }
        const json answer = read_json(a.body);
        std::vector<std::string> codes;
        if (answer.is_object() && answer.contains("recovery_codes") && answer["recovery_codes"].is_array())
            for (const json& code : answer["recovery_codes"])
                if (code.is_string()) codes.push_back(code.get<std::string>());
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
