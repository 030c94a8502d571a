// Time-based one-time passwords (RFC 6238) as authenticator apps make them:
// HMAC-SHA1, 6 digits, 30-second steps, computed and checked by Debian's
// liboath. Secrets are 20 random bytes, shown to people in base32.
#pragma once

#include "core/sla/business_calendar.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace web {

// Call once at start, before any other function here; false if liboath cannot start.
bool start_totp();

std::string new_totp_secret();                          // 20 random bytes
std::string totp_secret_text(const std::string& secret);   // base32, "JBSWY3DPEHPK3PXP..."
// The raw secret again, or nothing for text that is not base32.
std::optional<std::string> totp_secret_from_text(const std::string& text);

// The time step (unix seconds / 30) of the code `code` is right for, the
// current one or one either side of it (clocks drift), or nothing.
std::optional<int64_t> totp_step_of(const std::string& secret, const std::string& code, core::Instant now);

// What an authenticator app reads from the QR code:
// "otpauth://totp/<issuer>:<account>?secret=...&issuer=...&algorithm=SHA1&digits=6&period=30".
std::string otpauth_uri(const std::string& issuer, const std::string& account, const std::string& secret);

}  // namespace web
