// What the service answers about one's own account besides the session
// body: two-step sign-in (its state, an enrolment's key and QR code, the
// recovery codes shown once) and password reset links. Each reader refuses
// a malformed answer with where it is wrong, as parse_account does.
#pragma once

#include "core/text/parsed.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace core {

struct SecondFactorStatus {
    bool enabled = false;
    int recovery_codes_left = 0;
};

struct SecondFactorEnrolment {
    std::string secret;        // base32
    std::string otpauth_uri;
    int qr_size = 0;           // modules per side; 0: the QR code was missing or not a square of 0s and 1s
    std::string qr_modules;
};

struct PasswordResetSent {
    std::string email;         // as the service read the address
    int link_minutes = 0;      // how long the link works; 0: not said
};

struct PasswordResetLink {
    std::string email;         // whose password the link resets
    std::string expires_at;    // ISO-8601; empty: not said
};

// GET /api/v1/session/second-factor: {"enabled", "recovery_codes_left"?}
Parsed<SecondFactorStatus> parse_second_factor_status(std::string_view json_text);
// POST .../enrolment: {"secret", "otpauth_uri", "qr"?: {"size", "modules"}}
Parsed<SecondFactorEnrolment> parse_second_factor_enrolment(std::string_view json_text);
// POST .../enrolment/confirm: {"recovery_codes": [...]}; the text codes, none when unreadable.
std::vector<std::string> parse_recovery_codes(std::string_view json_text);
// POST /api/v1/password-resets: {"email", "link_lifetime_minutes"?}
Parsed<PasswordResetSent> parse_password_reset_sent(std::string_view json_text);
// GET /api/v1/password-resets/{token}: {"email", "expires_at"?}
Parsed<PasswordResetLink> parse_password_reset_link(std::string_view json_text);

}  // namespace core
