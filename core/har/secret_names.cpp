#include "core/har/secret_names.hpp"

#include "core/text/ascii_text.hpp"

#include <array>
#include <string>

namespace core {

namespace {

// Lowercased, with "-" read as "_", so X-Api-Key and x_api_key are one name.
std::string folded(std::string_view name) {
    std::string out = ascii_lowercase(name);
    for (char& c : out)
        if (c == '-') c = '_';
    return out;
}

bool contains_any(std::string_view name, std::initializer_list<std::string_view> words) {
    for (const std::string_view word : words)
        if (name.find(word) != std::string_view::npos) return true;
    return false;
}

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    for (const std::string_view n : names)
        if (name == n) return true;
    return false;
}

// Words that make any name a secret's, wherever they sit in it.
bool holds_secret_word(std::string_view name) {
    return contains_any(name, {"token", "secret", "password", "passwd", "passphrase", "apikey", "api_key", "session", "csrf", "xsrf",
                               "signature", "credential", "private_key", "cookie", "authorization", "assertion", "verifier"});
}

}  // namespace

bool is_secret_parameter_name(std::string_view name) {
    const std::string n = folded(name);
    // Names holding a secret's word that only describe one.
    if (is_one_of(n, {"token_type", "token_endpoint", "token_endpoint_auth_method", "session_expired", "response_type",
                      "grant_type", "client_assertion_type", "subject_token_type", "actor_token_type", "requested_token_type",
                      "issued_token_type", "sessiontimeout", "session_timeout"}))
        return false;
    if (is_one_of(n, {"code", "state", "pwd", "pass", "key", "sig", "samlart", "wctx", "otp", "pin", "passcode", "ticket",
                      "device_code", "user_code", "x_amz_signature", "x_amz_credential", "x_amz_security_token", "auth",
                      "client_secret", "_csrf", "authenticity_token", "mfa_code", "totp", "recovery_code",
                      "cvv", "cvc", "ssn"}))
        return true;
    return holds_secret_word(n);
}

bool is_secret_header_name(std::string_view name) {
    const std::string n = folded(name);
    if (n == "auth0_client") return false;   // a base64 JSON naming the SDK and its version
    if (is_one_of(n, {"x_auth", "x_auth_key", "x_auth_user", "x_api_key", "api_key", "apikey", "x_amz_security_token",
                      "ocp_apim_subscription_key", "private_token", "x_vault_token", "dpop", "x_goog_api_key", "x_client_secret",
                      "x_functions_key", "x_shopify_access_token", "x_figma_token", "x_sentry_auth", "x_gitlab_token",
                      "x_hub_signature", "x_hub_signature_256", "x_ms_client_principal"}))
        return true;
    if (n.starts_with("x_auth_")) return true;
    return contains_any(n, {"token", "secret", "password", "apikey", "api_key", "session", "csrf", "xsrf", "signature", "credential"});
}

bool is_saml_parameter_name(std::string_view name) {
    const std::string n = folded(name);
    return n == "samlrequest" || n == "samlresponse" || n == "wresult";
}

bool is_secret_number_name(std::string_view name) {
    const std::string n = folded(name);
    return is_one_of(n, {"pin", "otp", "passcode", "mfa_code", "totp", "cvv", "cvc"}) ||
           contains_any(n, {"password", "passwd", "secret"});
}

}  // namespace core
