#include "core/har/url_redaction.hpp"

#include "core/har/saml_redaction.hpp"
#include "core/har/secret_names.hpp"
#include "core/har/token_redaction.hpp"
#include "core/text/ascii_text.hpp"
#include "core/text/url_text.hpp"

namespace core {

namespace {

// "code" names an authorization code, and in error answers an error's name:
// {"code": "invalid_user_password"}. Words joined by "_" are the latter.
bool is_error_code(std::string_view name, std::string_view value) {
    if (!equals_ignoring_ascii_case(name, "code") || value.find('_') == std::string_view::npos) return false;
    for (const char c : value)
        if (!(c >= 'a' && c <= 'z') && c != '_') return false;
    return value.front() != '_' && value.back() != '_';
}

}  // namespace

bool looks_like_url(std::string_view text) {
    const size_t colon = text.find("://");
    if (colon == std::string_view::npos || colon == 0 || colon > 16) return false;
    for (size_t i = 0; i < colon; i++)
        if (!is_ascii_letter(text[i]) && !(i > 0 && (is_ascii_digit(text[i]) || text[i] == '+' || text[i] == '-' || text[i] == '.')))
            return false;
    return true;
}

std::optional<std::string> redact_field_value(Redactor& redactor, RedactionKind kind, std::string_view name, std::string_view value,
                                              bool escaped) {
    const std::string decoded = escaped ? url_unescape(value, true) : std::string(value);
    if (decoded.empty() || is_secret_marker(decoded)) return std::nullopt;
    std::optional<std::string> plain;   // the new decoded value
    if (is_saml_parameter_name(name)) {
        plain = redact_saml_parameter(redactor, name, decoded);
    } else if (is_secret_parameter_name(name) && !is_error_code(name, decoded)) {
        plain = redacted_credential(redactor, kind, name, decoded);
    } else if (looks_like_url(decoded)) {
        plain = redact_url(redactor, decoded);
    } else if (equals_ignoring_ascii_case(name, "RelayState")) {
        plain = redactor.redact(kind, name, decoded);   // opaque state the application keeps: replayable
    } else {
        plain = redact_jwts_in(redactor, name, decoded);
    }
    if (auto mine = redactor.without_user_texts(plain ? std::string_view(*plain) : std::string_view(decoded))) plain = std::move(mine);
    if (!plain || *plain == decoded) return std::nullopt;
    return escaped ? url_escape(*plain) : *plain;
}

std::optional<std::string> redact_fields(Redactor& redactor, std::string_view fields, RedactionKind kind) {
    std::string out;
    bool changed = false;
    for (const std::string_view pair : split_on(fields, '&')) {
        if (pair.data() != fields.data()) out += '&';
        const size_t equals = pair.find('=');
        if (equals == std::string_view::npos) {
            // A bare value (`?eyJ...` or `#token`): only its shape can tell.
            const std::string decoded = url_unescape(pair, true);
            std::optional<std::string> plain = redact_jwts_in(redactor, "", decoded);
            if (auto mine = redactor.without_user_texts(plain ? std::string_view(*plain) : std::string_view(decoded))) plain = std::move(mine);
            if (plain) out += url_escape(*plain);
            else out += pair;
            changed |= plain.has_value();
            continue;
        }
        const std::string name = url_unescape(pair.substr(0, equals), true);
        const auto value = redact_field_value(redactor, kind, name, pair.substr(equals + 1), true);
        out += pair.substr(0, equals + 1);
        out += value ? std::string_view(*value) : pair.substr(equals + 1);
        changed |= value.has_value();
    }
    if (!changed) return std::nullopt;
    return out;
}

std::optional<std::string> redact_url(Redactor& redactor, std::string_view url) {
    const size_t hash = url.find('#');
    const std::string_view before_fragment = url.substr(0, hash);
    const size_t question = before_fragment.find('?');
    std::string_view head = before_fragment.substr(0, question);
    bool changed = false;
    std::string out;

    // user:password@ in the authority.
    const size_t scheme_end = head.find("://");
    size_t path_begin = 0;
    if (scheme_end != std::string_view::npos) {
        const size_t authority_begin = scheme_end + 3;
        size_t authority_end = head.find('/', authority_begin);
        if (authority_end == std::string_view::npos) authority_end = head.size();
        const std::string_view authority = head.substr(authority_begin, authority_end - authority_begin);
        const size_t at = authority.rfind('@');
        out.append(head.substr(0, authority_begin));
        if (at != std::string_view::npos) {
            const std::string_view userinfo = authority.substr(0, at);
            const size_t colon = userinfo.find(':');
            if (colon != std::string_view::npos) {
                out.append(userinfo.substr(0, colon + 1));
                out += redactor.redact(RedactionKind::UrlPassword, url_unescape(userinfo.substr(0, colon), false),
                                       url_unescape(userinfo.substr(colon + 1), false));
            } else {
                out += redactor.redact(RedactionKind::UrlPassword, "user", url_unescape(userinfo, false));
            }
            changed = !is_secret_marker(userinfo.substr(colon == std::string_view::npos ? 0 : colon + 1));
            out.append(authority.substr(at));
        } else {
            out.append(authority);
        }
        path_begin = authority_end;
    }
    // A JWT as a path segment (/verify/eyJ...).
    const std::string_view path = head.substr(path_begin);
    if (auto plain = redact_jwts_in(redactor, "path", path)) {
        out += *plain;
        changed = true;
    } else {
        out.append(path);
    }
    if (question != std::string_view::npos) {
        const std::string_view query = before_fragment.substr(question + 1);
        const auto redacted = redact_fields(redactor, query, RedactionKind::UrlParameter);
        out += '?';
        out += redacted ? std::string_view(*redacted) : query;
        changed |= redacted.has_value();
    }
    if (hash != std::string_view::npos) {
        // A fragment is parameters after a redirect of the implicit or
        // hybrid flow; otherwise a single-page application's route.
        // A route may carry its own query: #/callback?code=...
        const std::string_view fragment = url.substr(hash + 1);
        const size_t route_end = fragment.find('?') == std::string_view::npos ? 0 : fragment.find('?') + 1;
        const std::string_view fields = fragment.substr(route_end);
        const auto redacted = redact_fields(redactor, fields, RedactionKind::UrlParameter);
        out += '#';
        out += fragment.substr(0, route_end);
        out += redacted ? std::string_view(*redacted) : fields;
        changed |= redacted.has_value();
    }
    if (!changed) return std::nullopt;
    return out;
}

}  // namespace core
