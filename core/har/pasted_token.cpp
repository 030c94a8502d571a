#include "core/har/pasted_token.hpp"

#include "core/har/inspection_json.hpp"
#include "core/har/saml_inspection.hpp"
#include "core/har/token_redaction.hpp"
#include "core/text/ascii_text.hpp"

namespace core {

PastedToken read_pasted_token(std::string_view text, Instant now, const TimeZone* zone) {
    PastedToken out;
    const std::string_view trimmed = trim_spaces(text);
    if (trimmed.empty()) {
        out.error = "Paste a JWT or a SAML message.";
        return out;
    }
    if (is_jwt(trimmed.starts_with("Bearer ") ? trimmed.substr(7) : trimmed)) {
        JwtInspection jwt = inspect_jwt(trimmed, {now, zone, {}});
        out.kind = PastedTokenKind::Jwt;
        out.title = "JWT";
        out.header_json = std::move(jwt.header_json);
        out.lines = std::move(jwt.claim_lines);
        out.findings = std::move(jwt.findings);
        return out;
    }
    SamlInspection saml = inspect_saml(trimmed, {now, zone, true});
    if (!saml.decoded) {
        out.error = "Neither a JWT nor a SAML message: " + saml.error;
        return out;
    }
    out.kind = PastedTokenKind::Saml;
    out.title = "SAML " + saml.kind + " (" + saml.encoding + ")";
    out.xml = std::move(saml.xml);
    out.lines = std::move(saml.lines);
    out.findings = std::move(saml.findings);
    return out;
}

std::string pasted_token_json(const PastedToken& token) {
    nlohmann::ordered_json j;
    j["kind"] = token.kind == PastedTokenKind::Jwt ? "jwt" : token.kind == PastedTokenKind::Saml ? "saml" : "none";
    if (!token.error.empty()) j["error"] = token.error;
    j["title"] = token.title;
    if (!token.header_json.empty()) j["header"] = token.header_json;
    if (!token.xml.empty()) j["xml"] = token.xml;
    put_lines_and_findings(j, token.lines, token.findings);
    return j.dump();
}

}  // namespace core
