// Unpadded base64url (RFC 4648 section 5): bytes as text that travels in a
// URL path, a query string or a cookie as it is. Cursors and secret tokens
// use it, and so do JWTs. Plain base64 is here for e-mail headers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace core {

std::string base64url_encode(std::string_view bytes);

// nullopt for anything base64url_encode could not have produced.
std::optional<std::string> base64url_decode(std::string_view text);

// Padded base64 with + and / (RFC 4648 section 4), for MIME encoded words.
std::string base64_encode(std::string_view bytes);
// Padded or unpadded base64 with + and /, line breaks skipped (HAR bodies,
// SAML messages); nullopt for any other letter or a misplaced "=".
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace core
