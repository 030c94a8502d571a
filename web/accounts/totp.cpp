#include "web/accounts/totp.hpp"

#include "web/accounts/secret_token.hpp"

#include "core/checks/one_time_code.hpp"
#include "core/text/url_text.hpp"

#include <liboath/oath.h>
#include <sodium.h>

#include <cstdlib>
#include <memory>

namespace web {

namespace {

constexpr size_t secret_bytes = 20;   // RFC 4226's recommended length for HMAC-SHA1
constexpr unsigned step_seconds = OATH_TOTP_DEFAULT_TIME_STEP_SIZE;
constexpr size_t drift_window = 1;

}  // namespace

bool start_totp() { return oath_init() == OATH_OK; }

std::string new_totp_secret() {
    std::string secret(secret_bytes, '\0');
    randombytes_buf(secret.data(), secret.size());
    return secret;
}

std::string totp_secret_text(const std::string& secret) {
    char* text = nullptr;
    size_t length = 0;
    if (oath_base32_encode(secret.data(), secret.size(), &text, &length) != OATH_OK) return {};
    std::unique_ptr<char, decltype(&std::free)> owned(text, &std::free);
    std::string base32(text, length);
    while (!base32.empty() && base32.back() == '=') base32.pop_back();   // apps want it without padding
    return base32;
}

std::optional<std::string> totp_secret_from_text(const std::string& text) {
    std::string padded = text;
    while (padded.size() % 8) padded += '=';
    char* raw = nullptr;
    size_t length = 0;
    if (oath_base32_decode(padded.data(), padded.size(), &raw, &length) != OATH_OK) return std::nullopt;
    std::unique_ptr<char, decltype(&std::free)> owned(raw, &std::free);
    return std::string(raw, length);
}

std::optional<int64_t> totp_step_of(const std::string& secret, const std::string& code, core::Instant now) {
    if (!core::is_authenticator_code(code)) return std::nullopt;
    uint64_t step = 0;
    const int found = oath_totp_validate3(secret.data(), secret.size(), time_t(now.time_since_epoch().count()), step_seconds, 0,
                                          drift_window, nullptr, &step, code.c_str());
    if (found < 0) return std::nullopt;
    return int64_t(step);
}

std::string otpauth_uri(const std::string& issuer, const std::string& account, const std::string& secret) {
    return "otpauth://totp/" + core::url_escape(issuer) + ":" + core::url_escape(account) + "?secret=" + totp_secret_text(secret) +
           "&issuer=" + core::url_escape(issuer) + "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace web
