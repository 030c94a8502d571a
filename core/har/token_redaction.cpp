#include "core/har/token_redaction.hpp"

#include "core/text/ascii_text.hpp"
#include "core/text/base64url.hpp"
#include "core/text/json_tape.hpp"

namespace core {

namespace {

bool is_base64url_letter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// The JOSE header: a JSON object with "alg" (and "enc" for a JWE).
bool is_jose_header(std::string_view part, bool encrypted) {
    const auto bytes = base64url_decode(part);
    if (!bytes) return false;
    JsonTape tape;
    JsonTapeError error;
    if (!read_json_tape(*bytes, tape, error) || tape.nodes[0].kind != JsonKind::Object) return false;
    return tape.member(*bytes, 0, "alg") >= 0 && (!encrypted || tape.member(*bytes, 0, "enc") >= 0);
}

std::vector<std::string_view> split_dots(std::string_view text) { return split_on(text, '.'); }

}  // namespace

std::vector<JwtSpan> find_jwts(std::string_view text) {
    std::vector<JwtSpan> found;
    size_t at = text.find("eyJ");   // base64url of `{"`: every JOSE header starts so
    while (at != std::string_view::npos) {
        size_t end = at;
        while (end < text.size() && (is_base64url_letter(text[end]) || text[end] == '.')) end++;
        // A token's first letter does not continue a longer word.
        const bool starts_word = at == 0 || !(is_base64url_letter(text[at - 1]) || text[at - 1] == '.');
        std::string_view candidate = text.substr(at, end - at);
        while (candidate.ends_with('.') && split_dots(candidate).size() > 3) candidate.remove_suffix(1);
        const std::vector<std::string_view> parts = split_dots(candidate);
        if (starts_word) {
            // An unsigned JWS ends with its dot; its parts are still three.
            if (parts.size() == 3 && !parts[1].empty() && is_jose_header(parts[0], false)) {
                found.push_back({at, at + candidate.size(), false});
            } else if (parts.size() == 5 && is_jose_header(parts[0], true)) {
                found.push_back({at, at + candidate.size(), true});
            }
        }
        at = text.find("eyJ", end > at ? end : at + 1);
    }
    return found;
}

bool is_jwt(std::string_view text) {
    const std::vector<JwtSpan> spans = find_jwts(text);
    return spans.size() == 1 && spans[0].begin == 0 && spans[0].end == text.size();
}

std::string redacted_jwt(Redactor& redactor, std::string_view name, std::string_view jwt, bool encrypted) {
    const std::vector<std::string_view> parts = split_dots(jwt);
    std::string out(parts[0]);
    if (encrypted) {
        for (size_t i = 1; i < parts.size(); i++) out += '.' + redactor.redact(RedactionKind::JwtSignature, name, parts[i]);
    } else {
        out += '.';
        out += parts[1];
        out += '.';
        out += redactor.redact(RedactionKind::JwtSignature, name, parts.size() > 2 ? parts[2] : std::string_view());
    }
    redactor.found_token(TokenKind::Jwt, name, out);
    return out;
}

std::string redacted_credential(Redactor& redactor, RedactionKind kind, std::string_view name, std::string_view value) {
    const std::vector<JwtSpan> spans = find_jwts(value);
    if (spans.size() == 1 && spans[0].begin == 0 && spans[0].end == value.size()) return redacted_jwt(redactor, name, value, spans[0].encrypted);
    return redactor.redact(kind, name, value);
}

std::optional<std::string> redact_jwts_in(Redactor& redactor, std::string_view name, std::string_view text) {
    if (text.find("eyJ") == std::string_view::npos) return std::nullopt;
    const std::vector<JwtSpan> spans = find_jwts(text);
    if (spans.empty()) return std::nullopt;
    std::string out;
    size_t from = 0;
    for (const JwtSpan& span : spans) {
        out.append(text.substr(from, span.begin - from));
        out += redacted_jwt(redactor, name, text.substr(span.begin, span.end - span.begin), span.encrypted);
        from = span.end;
    }
    out.append(text.substr(from));
    return out;
}

}  // namespace core
