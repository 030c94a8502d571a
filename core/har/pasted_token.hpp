// A token pasted into the stand-alone viewer (the HAR screen's, and
// `portal-cli har token`): a JWT (a "Bearer " in front tolerated) or a SAML
// message in either binding, decoded and checked against now.
#pragma once

#include "core/checks/jwt_inspection.hpp"
#include "core/time/time_zone.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace core {

enum class PastedTokenKind { None, Jwt, Saml };

struct PastedToken {
    PastedTokenKind kind = PastedTokenKind::None;
    std::string error;            // why it is neither, when kind == None
    std::string title;            // "JWT", "SAML Response (HTTP-POST (base64))"
    std::string header_json;      // a JWT's header, pretty-printed
    std::string xml;              // a SAML message's XML as decoded
    std::vector<JwtClaimLine> lines;
    std::vector<JwtFinding> findings;
};

// `zone`: for the times shown (nullptr = UTC).
PastedToken read_pasted_token(std::string_view text, Instant now, const TimeZone* zone);

// As JSON for the page: {"kind": "jwt"|"saml"|"none", "error", "title", "header", "xml", "lines": [{name, value}], "findings": [{level, message}]}
std::string pasted_token_json(const PastedToken& token);

}  // namespace core
