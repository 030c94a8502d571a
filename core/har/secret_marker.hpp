// What a removed secret becomes: "REDACTED_" and eleven base64url letters of
// a keyed hash (SipHash-2-4) of the secret. The same secret gets the same
// marker everywhere in one file, so support still sees that the `code` in a
// redirect is the one posted to /oauth/token; the key is random per file and
// never leaves the sanitiser, so a marker cannot be used to guess a password
// offline. The marker's letters pass unescaped through URLs, cookies, headers
// and JWT parts.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace core {

struct SecretKey {
    std::array<uint8_t, 16> bytes{};
};

inline constexpr std::string_view secret_marker_prefix = "REDACTED_";
inline constexpr size_t secret_marker_size = 20;

// SipHash-2-4 of `bytes` under `key` (Aumasson and Bernstein, 2012).
uint64_t siphash24(const SecretKey& key, std::string_view bytes);

std::string secret_marker(const SecretKey& key, std::string_view secret);
// `text` is a whole marker; a marker is never redacted again.
bool is_secret_marker(std::string_view text);

}  // namespace core
