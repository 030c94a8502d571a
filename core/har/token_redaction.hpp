// JSON Web Tokens found by their shape in any text (a header, a URL, a body,
// a script): three base64url parts whose first decodes to a JSON object with
// "alg" (JWS), or five whose first has "enc" (JWE). Support needs a token's
// claims, not its signature: a JWS keeps header and payload and loses its
// signature; a JWE keeps only its header.
#pragma once

#include "core/har/redactor.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct JwtSpan {
    size_t begin = 0, end = 0;
    bool encrypted = false;   // JWE
};

std::vector<JwtSpan> find_jwts(std::string_view text);
// `text` is one JWT and nothing else.
bool is_jwt(std::string_view text);

// `jwt` (one token) with its signature, or a JWE's encrypted parts, replaced
// by markers; reported as a token found under `name`.
std::string redacted_jwt(Redactor& redactor, std::string_view name, std::string_view jwt, bool encrypted);
// A value that is a secret as a whole: a JWT keeps its claims and loses its
// signature; anything else becomes a marker of `kind`.
std::string redacted_credential(Redactor& redactor, RedactionKind kind, std::string_view name, std::string_view value);

// `text` with each JWT in it redacted; nullopt when it holds none.
std::optional<std::string> redact_jwts_in(Redactor& redactor, std::string_view name, std::string_view text);

}  // namespace core
