// A SAML message decoded where it was found (a HAR file, or pasted into the
// SAML viewer): HTTP-Redirect (URL-encoded base64 of raw DEFLATE), HTTP-POST
// (base64) or plain XML. Shown: what it is, who sent it to whom, its status,
// subject, audience and validity window; checked without keys (as the JWT
// field checks a token): the window against the message's own time with a
// minute's clock skew, which parts are signed, SHA-1, and the shapes of
// signature wrapping (a Reference that points at no element, or at one that
// is not the signature's own parent, or a signed assertion moved out of
// place). The signatures themselves are not verified: that needs the
// identity provider's certificate, which support checks in their own tools.
#pragma once

#include "core/checks/jwt_inspection.hpp"   // JwtFinding, JwtClaimLine: one look for both viewers

#include <string>
#include <string_view>
#include <vector>

namespace core {

struct SamlInspection {
    bool decoded = false;
    std::string error;                  // why it could not be read, when !decoded
    std::string encoding;               // "HTTP-Redirect (deflated)", "HTTP-POST (base64)", "XML"
    std::string kind;                   // "Response", "AuthnRequest", "LogoutRequest", ...
    std::string signed_parts;           // "the Response and the Assertion", "the Response", "the Assertion", "nothing"
    std::vector<JwtClaimLine> lines;    // name and value, in reading order
    std::vector<JwtFinding> findings;   // problems first
    std::string xml;                    // the decoded XML
};

struct SamlExpectations {
    Instant message_time;                   // when the message was sent (a HAR entry's time), or now
    const core::TimeZone* zone = nullptr;   // for times in lines; nullptr = UTC
    bool sent_now = false;                  // message_time is now (a pasted message): times are said from now
};

// `message` as found: URL-encoded or not, base64 or XML; surrounding spaces tolerated.
SamlInspection inspect_saml(std::string_view message, const SamlExpectations& expectations);

}  // namespace core
