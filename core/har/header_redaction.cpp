#include "core/har/header_redaction.hpp"

#include "core/har/secret_names.hpp"
#include "core/har/token_redaction.hpp"
#include "core/har/url_redaction.hpp"
#include "core/text/ascii_text.hpp"

namespace core {

namespace {

// "a=1; b=2": each value after the first "=" of its pair, names untouched
// (no pattern is built from them, so `a.b*c[0]` is a name like any other).
std::string redacted_cookie_pairs(Redactor& redactor, std::string_view pairs) {
    std::string out;
    for (const std::string_view pair : split_on(pairs, ';')) {
        if (pair.data() != pairs.data()) out += ';';
        const size_t equals = pair.find('=');
        const std::string_view name = trim_spaces(equals == std::string_view::npos ? std::string_view() : pair.substr(0, equals));
        const std::string_view bare = trim_spaces(equals == std::string_view::npos ? pair : pair.substr(equals + 1));
        if (bare.empty()) {
            out += pair;
            continue;
        }
        const size_t before = static_cast<size_t>(bare.data() - pair.data());
        out += pair.substr(0, before);
        out += redactor.redact(RedactionKind::Cookie, name, bare);
        out += pair.substr(before + bare.size());
    }
    return out;
}

// One Set-Cookie line: only the value of its first pair is the cookie's;
// Path, Domain, Expires and the flags stay.
std::string redacted_set_cookie(Redactor& redactor, std::string_view line) {
    const size_t semicolon = line.find(';');
    const std::string_view first = line.substr(0, semicolon);
    std::string out = redacted_cookie_pairs(redactor, first);
    if (semicolon != std::string_view::npos) out += line.substr(semicolon);
    return out;
}

// Digest's parameters that prove the password: response, cnonce, nonce.
std::string redacted_digest(Redactor& redactor, std::string_view params) {
    std::string out;
    size_t from = 0;
    while (from <= params.size()) {
        // Commas inside quoted values do not split.
        size_t end = from;
        bool quoted = false;
        while (end < params.size() && (quoted || params[end] != ',')) {
            if (params[end] == '"') quoted = !quoted;
            end++;
        }
        const std::string_view item = params.substr(from, end - from);
        const size_t equals = item.find('=');
        const std::string name = ascii_lowercase(trim_spaces(item.substr(0, equals)));
        if (equals != std::string_view::npos && (name == "response" || name == "cnonce" || name == "nonce")) {
            std::string_view value = trim_spaces(item.substr(equals + 1));
            const bool in_quotes = value.size() >= 2 && value.front() == '"' && value.back() == '"';
            if (in_quotes) value = value.substr(1, value.size() - 2);
            out += item.substr(0, equals + 1);
            out += in_quotes ? "\"" + redactor.redact(RedactionKind::Authorization, name, value) + "\""
                             : redactor.redact(RedactionKind::Authorization, name, value);
        } else {
            out += item;
        }
        if (end >= params.size()) break;
        out += ',';
        from = end + 1;
    }
    return out;
}

std::string redacted_authorization(Redactor& redactor, std::string_view name, std::string_view value) {
    const std::string_view trimmed = trim_spaces(value);
    const size_t space = trimmed.find(' ');
    if (space == std::string_view::npos) {
        // No scheme word: the whole value is the credential (or a lone JWT).
        return redacted_credential(redactor, RedactionKind::Authorization, name, trimmed);
    }
    const std::string_view scheme = trimmed.substr(0, space);
    const std::string_view credential = trim_spaces(trimmed.substr(space + 1));
    std::string out(scheme);
    out += ' ';
    if (equals_ignoring_ascii_case(scheme, "Digest")) {
        out += redacted_digest(redactor, credential);
    } else {
        out += redacted_credential(redactor, RedactionKind::Authorization, name, credential);
    }
    return out;
}

// Link: <https://...>; rel="next", <...>
std::optional<std::string> redacted_link(Redactor& redactor, std::string_view value) {
    std::string out;
    bool changed = false;
    size_t from = 0;
    for (size_t open = value.find('<'); open != std::string_view::npos; open = value.find('<', from)) {
        const size_t close = value.find('>', open);
        if (close == std::string_view::npos) break;
        out.append(value.substr(from, open + 1 - from));
        const std::string_view target = value.substr(open + 1, close - open - 1);
        const auto redacted = redact_url(redactor, target);
        out += redacted ? std::string_view(*redacted) : target;
        changed |= redacted.has_value();
        from = close;
    }
    out.append(value.substr(from));
    if (!changed) return std::nullopt;
    return out;
}

// Refresh: 0; url=https://...
std::optional<std::string> redacted_refresh(Redactor& redactor, std::string_view value) {
    const std::string lower = ascii_lowercase(value);
    const size_t at = lower.find("url=");
    if (at == std::string::npos) return std::nullopt;
    const auto redacted = redact_url(redactor, value.substr(at + 4));
    if (!redacted) return std::nullopt;
    return std::string(value.substr(0, at + 4)) + *redacted;
}

}  // namespace

std::optional<std::string> redact_header(Redactor& redactor, std::string_view name, std::string_view value) {
    const std::string lower = ascii_lowercase(trim_spaces(name));
    std::optional<std::string> out;
    if (lower == "cookie") {
        out = redacted_cookie_pairs(redactor, value);
    } else if (lower == "set-cookie" || lower == "set-cookie2") {
        // Firefox joins several Set-Cookie headers with line breaks.
        std::string joined;
        size_t from = 0;
        for (;;) {
            const size_t end = value.find('\n', from);
            joined += redacted_set_cookie(redactor, value.substr(from, end == std::string_view::npos ? std::string_view::npos : end - from));
            if (end == std::string_view::npos) break;
            joined += '\n';
            from = end + 1;
        }
        out = std::move(joined);
    } else if (lower == "authorization" || lower == "proxy-authorization") {
        out = redacted_authorization(redactor, name, value);
    } else if (lower == "referer" || lower == "origin" || lower == "location" || lower == "content-location" || lower == ":path") {
        out = redact_url(redactor, value);
    } else if (lower == "link") {
        out = redacted_link(redactor, value);
    } else if (lower == "refresh") {
        out = redacted_refresh(redactor, value);
    } else if (is_secret_header_name(lower)) {
        out = redacted_credential(redactor, RedactionKind::Header, name, trim_spaces(value));
    } else {
        out = redact_jwts_in(redactor, name, value);
    }
    if (auto mine = redactor.without_user_texts(out ? std::string_view(*out) : value)) out = std::move(mine);
    if (out && *out == value) return std::nullopt;
    return out;
}

}  // namespace core
