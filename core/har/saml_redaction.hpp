// A SAML message (SAMLRequest, SAMLResponse, wresult) as it leaves a HAR:
// its content stays, for support reads issuer, audience and conditions from
// it; every SignatureValue and CipherValue is replaced by a marker (an
// encrypted assertion can be replayed like a plain one).
#pragma once

#include "core/har/redactor.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace core {

// `value` is the parameter's decoded value: base64 XML (HTTP-POST) or base64
// raw DEFLATE (HTTP-Redirect). The result is in the same encoding.
std::optional<std::string> redact_saml_parameter(Redactor& redactor, std::string_view name, std::string_view value);

// A SAML message's XML text with its signature and cipher values replaced.
std::optional<std::string> redact_saml_xml(Redactor& redactor, std::string_view name, std::string_view xml);

}  // namespace core
