#include "core/har/body_redaction.hpp"

#include "core/har/saml_redaction.hpp"
#include "core/har/secret_names.hpp"
#include "core/har/token_redaction.hpp"
#include "core/har/url_redaction.hpp"
#include "core/text/ascii_text.hpp"
#include "core/text/base64url.hpp"
#include "core/text/json_tape.hpp"
#include "core/text/utf8_text.hpp"

#include <algorithm>

namespace core {

namespace {

// "multipart/form-data; boundary=x" -> "multipart/form-data"
std::string essence_of(std::string_view mime_type) {
    return ascii_lowercase(trim_spaces(mime_type.substr(0, mime_type.find(';'))));
}

// A media type parameter's value: boundary, charset.
std::string parameter_of(std::string_view mime_type, std::string_view wanted) {
    size_t at = mime_type.find(';');
    while (at != std::string_view::npos) {
        const size_t next = mime_type.find(';', at + 1);
        const std::string_view item = trim_spaces(mime_type.substr(at + 1, next == std::string_view::npos ? next : next - at - 1));
        const size_t equals = item.find('=');
        if (equals != std::string_view::npos && equals_ignoring_ascii_case(trim_spaces(item.substr(0, equals)), wanted)) {
            std::string_view value = trim_spaces(item.substr(equals + 1));
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
            return std::string(value);
        }
        at = next;
    }
    return {};
}

bool starts_after_spaces(std::string_view text, char c) {
    const std::string_view trimmed = trim_spaces(text.substr(0, std::min<size_t>(text.size(), 64)));
    return !trimmed.empty() && trimmed.front() == c;
}

// --- HTML -------------------------------------------------------------------

std::string html_entities_undone(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); i++) {
        if (text[i] != '&') {
            out += text[i];
            continue;
        }
        const size_t semicolon = text.find(';', i);
        if (semicolon == std::string_view::npos || semicolon - i > 10) {
            out += '&';
            continue;
        }
        const std::string_view entity = text.substr(i + 1, semicolon - i - 1);
        std::optional<unsigned> code;
        if (entity == "amp") code = '&';
        else if (entity == "lt") code = '<';
        else if (entity == "gt") code = '>';
        else if (entity == "quot") code = '"';
        else if (entity == "apos") code = '\'';
        else if (entity.size() > 1 && entity[0] == '#') {
            const bool hex = entity[1] == 'x' || entity[1] == 'X';
            unsigned value = 0;
            bool ok = entity.size() > (hex ? 2u : 1u);
            for (const char c : entity.substr(hex ? 2 : 1)) {
                const int digit = is_ascii_digit(c) ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (digit < 0 || value > 0x10FFFF) ok = false;
                else value = value * (hex ? 16 : 10) + static_cast<unsigned>(digit);
            }
            if (ok && value < 0x80) code = value;   // markers and tokens are ASCII: wider characters are left as written
        }
        if (!code) {
            out += '&';
            continue;
        }
        out += static_cast<char>(*code);
        i = semicolon;
    }
    return out;
}

std::string html_escaped(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        default: out += c;
        }
    }
    return out;
}

struct HtmlAttribute {
    std::string name;                    // lowercased
    size_t value_begin = 0, value_end = 0;   // the value as written, quotes excluded
    bool has_value = false;
};

// The tags of an HTML page, read as the HTML tokenizer reads them in the
// ways that matter here: comments, quoted attribute values, and the raw text
// of <script> and <style>, which may hold a "<" that opens no tag.
std::optional<std::string> redacted_html(Redactor& redactor, std::string_view html) {
    struct Change {
        size_t begin, end;
        std::string text;
    };
    std::vector<Change> changes;
    size_t i = 0;
    auto text_run = [&](size_t from, size_t to) {
        if (auto redacted = redact_jwts_in(redactor, "html", html.substr(from, to - from))) changes.push_back({from, to, *redacted});
    };
    size_t text_from = 0;
    while (i < html.size()) {
        const size_t open = html.find('<', i);
        if (open == std::string_view::npos) break;
        if (html.substr(open).starts_with("<!--")) {
            const size_t close = html.find("-->", open + 4);
            i = close == std::string_view::npos ? html.size() : close + 3;
            continue;
        }
        size_t p = open + 1;
        const bool closing = p < html.size() && html[p] == '/';
        if (closing) p++;
        const size_t name_begin = p;
        while (p < html.size() && (is_ascii_alnum(html[p]) || html[p] == '-')) p++;
        if (p == name_begin) {
            i = open + 1;
            continue;
        }
        const std::string tag = ascii_lowercase(html.substr(name_begin, p - name_begin));
        std::vector<HtmlAttribute> attributes;
        while (p < html.size() && html[p] != '>') {
            if (html[p] == ' ' || html[p] == '\t' || html[p] == '\n' || html[p] == '\r' || html[p] == '/') {
                p++;
                continue;
            }
            HtmlAttribute attribute;
            const size_t attribute_begin = p;
            while (p < html.size() && html[p] != '=' && html[p] != '>' && html[p] != ' ' && html[p] != '\t' && html[p] != '\n' &&
                   html[p] != '\r' && html[p] != '/')
                p++;
            if (p == attribute_begin) {
                p++;   // a stray "=": skip it
                continue;
            }
            attribute.name = ascii_lowercase(html.substr(attribute_begin, p - attribute_begin));
            while (p < html.size() && (html[p] == ' ' || html[p] == '\t' || html[p] == '\n' || html[p] == '\r')) p++;
            if (p < html.size() && html[p] == '=') {
                p++;
                while (p < html.size() && (html[p] == ' ' || html[p] == '\t' || html[p] == '\n' || html[p] == '\r')) p++;
                attribute.has_value = true;
                if (p < html.size() && (html[p] == '"' || html[p] == '\'')) {
                    const char quote = html[p];
                    const size_t close = html.find(quote, p + 1);
                    attribute.value_begin = p + 1;
                    attribute.value_end = close == std::string_view::npos ? html.size() : close;
                    p = close == std::string_view::npos ? html.size() : close + 1;
                } else {
                    attribute.value_begin = p;
                    while (p < html.size() && html[p] != '>' && html[p] != ' ' && html[p] != '\t' && html[p] != '\n' && html[p] != '\r') p++;
                    attribute.value_end = p;
                }
            }
            attributes.push_back(std::move(attribute));
        }
        const size_t tag_end = p < html.size() ? p + 1 : html.size();
        text_run(text_from, open);

        auto value_of = [&](std::string_view name) -> const HtmlAttribute* {
            for (const HtmlAttribute& a : attributes)
                if (a.name == name && a.has_value) return &a;
            return nullptr;
        };
        auto replace_value = [&](const HtmlAttribute& a, const std::string& decoded_new) {
            changes.push_back({a.value_begin, a.value_end, html_escaped(decoded_new)});
        };
        if (!closing && (tag == "input" || tag == "textarea" || tag == "button" || tag == "meta")) {
            const HtmlAttribute* name = value_of("name");
            const HtmlAttribute* value = value_of(tag == "meta" ? "content" : "value");
            if (name && value) {
                const std::string field = html_entities_undone(html.substr(name->value_begin, name->value_end - name->value_begin));
                const std::string decoded = html_entities_undone(html.substr(value->value_begin, value->value_end - value->value_begin));
                std::optional<std::string> plain;
                if (is_saml_parameter_name(field)) plain = redact_saml_parameter(redactor, field, decoded);
                else plain = redact_field_value(redactor, RedactionKind::HtmlField, field, decoded, false);
                if (plain) replace_value(*value, *plain);
            } else if (value) {
                const std::string decoded = html_entities_undone(html.substr(value->value_begin, value->value_end - value->value_begin));
                if (auto plain = redact_jwts_in(redactor, "html", decoded)) replace_value(*value, *plain);
            }
        } else if (!closing) {
            // Links and form targets carry codes and tokens in their URLs.
            for (const HtmlAttribute& a : attributes) {
                if (!a.has_value) continue;
                const std::string decoded = html_entities_undone(html.substr(a.value_begin, a.value_end - a.value_begin));
                std::optional<std::string> plain;
                if (a.name == "action" || a.name == "href" || a.name == "src" || looks_like_url(decoded)) plain = redact_url(redactor, decoded);
                else plain = redact_jwts_in(redactor, a.name, decoded);
                if (plain) replace_value(a, *plain);
            }
        }
        i = tag_end;
        text_from = tag_end;
        if (!closing && (tag == "script" || tag == "style")) {
            // Raw text up to its end tag, searched for tokens only.
            const std::string lower_end = "</" + tag;
            size_t close = tag_end;
            for (;;) {
                close = html.find("</", close);
                if (close == std::string_view::npos || equals_ignoring_ascii_case(html.substr(close, lower_end.size()), lower_end)) break;
                close += 2;
            }
            const size_t run_end = close == std::string_view::npos ? html.size() : close;
            if (auto redacted = redact_jwts_in(redactor, tag, html.substr(tag_end, run_end - tag_end)))
                changes.push_back({tag_end, run_end, *redacted});
            i = text_from = run_end;
        }
    }
    text_run(text_from, html.size());
    if (changes.empty()) return std::nullopt;
    std::sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) { return a.begin < b.begin; });
    std::string out;
    size_t from = 0;
    for (const Change& change : changes) {
        if (change.begin < from) continue;
        out.append(html.substr(from, change.begin - from)).append(change.text);
        from = change.end;
    }
    out.append(html.substr(from));
    return out;
}

// --- multipart ----------------------------------------------------------------

std::optional<std::string> redacted_multipart(Redactor& redactor, std::string_view body, std::string_view boundary) {
    if (boundary.empty()) return redact_jwts_in(redactor, "multipart", body);
    const std::string delimiter = "--" + std::string(boundary);
    std::string out;
    bool changed = false;
    size_t at = body.find(delimiter);
    if (at == std::string_view::npos) return redact_jwts_in(redactor, "multipart", body);
    out.append(body.substr(0, at));
    while (at != std::string_view::npos) {
        const size_t part_begin = at + delimiter.size();
        const size_t next = body.find(delimiter, part_begin);
        const std::string_view part = body.substr(part_begin, next == std::string_view::npos ? std::string_view::npos : next - part_begin);
        out += delimiter;
        // Headers, a blank line, then the part's content.
        size_t blank = part.find("\r\n\r\n");
        size_t blank_size = 4;
        if (blank == std::string_view::npos) {
            blank = part.find("\n\n");
            blank_size = 2;
        }
        if (blank == std::string_view::npos) {
            out += part;
        } else {
            const std::string_view headers = part.substr(0, blank + blank_size);
            std::string_view content = part.substr(blank + blank_size);
            std::string_view line_end;
            if (content.ends_with("\r\n")) line_end = "\r\n";
            else if (content.ends_with("\n")) line_end = "\n";
            content.remove_suffix(line_end.size());
            const std::string lower = ascii_lowercase(headers);
            std::string name, type;
            if (const size_t n = lower.find("name=\""); n != std::string::npos) {
                const size_t close = headers.find('"', n + 6);
                name = std::string(headers.substr(n + 6, close == std::string_view::npos ? 0 : close - n - 6));
            }
            if (const size_t t = lower.find("content-type:"); t != std::string::npos) {
                const size_t end = lower.find('\n', t);
                type = std::string(trim_spaces(headers.substr(t + 13, end == std::string::npos ? std::string::npos : end - t - 13)));
            }
            std::optional<std::string> redacted;
            if (!name.empty() && (is_secret_parameter_name(name) || is_saml_parameter_name(name)))
                redacted = redact_field_value(redactor, RedactionKind::FormField, name, content, false);
            else if (!looks_binary(content))
                redacted = redact_body(redactor, content, type);
            out += headers;
            out += redacted ? std::string_view(*redacted) : content;
            out += line_end;
            changed |= redacted.has_value();
        }
        at = next;
    }
    if (!changed) return std::nullopt;
    return out;
}

// --- JSON -------------------------------------------------------------------

std::optional<std::string> redact_json_tape_strings(Redactor& redactor, std::string_view text, const JsonTape& tape) {
    struct Change {
        uint32_t begin, end;
        std::string text;
    };
    std::vector<Change> changes;
    for (const JsonNode& node : tape.nodes) {
        std::string name;
        if (node.is_member()) {
            name = json_string_text(text.substr(node.key_begin, node.key_end - node.key_begin));
            if (auto renamed = redactor.without_user_texts(name)) changes.push_back({node.key_begin, node.key_end, json_quoted(*renamed)});
        }
        const bool string = node.kind == JsonKind::String;
        if (!string && node.kind != JsonKind::Number) continue;
        const std::string_view raw = text.substr(node.begin, node.end - node.begin);
        if (!string) {
            // A PIN or a one-time code may be sent as a number.
            if (is_secret_number_name(name)) changes.push_back({node.begin, node.end, json_quoted(redactor.redact(RedactionKind::JsonField, name, raw))});
            continue;
        }
        const std::string value = json_string_text(raw);
        if (auto redacted = redact_json_string(redactor, name, value)) changes.push_back({node.begin, node.end, json_quoted(*redacted)});
    }
    if (changes.empty()) return std::nullopt;
    std::string out;
    out.reserve(text.size());
    size_t from = 0;
    for (const Change& change : changes) {
        out.append(text.substr(from, change.begin - from)).append(change.text);
        from = change.end;
    }
    out.append(text.substr(from));
    return out;
}

}  // namespace

std::optional<std::string> redact_json_string(Redactor& redactor, std::string_view name, std::string_view value) {
    if (value.empty() || is_secret_marker(value)) return std::nullopt;
    std::optional<std::string> out;
    if (!name.empty() && (is_secret_parameter_name(name) || is_saml_parameter_name(name))) {
        out = redact_field_value(redactor, RedactionKind::JsonField, name, value, false);
    } else if (looks_like_url(value) || value.starts_with('/')) {
        out = redact_url(redactor, value);
    } else if (starts_after_spaces(value, '{') || starts_after_spaces(value, '[')) {
        // JSON inside a string: a GraphQL variable, a message's payload.
        out = redact_json_text(redactor, value);
        if (!out) out = redact_jwts_in(redactor, name, value);
    } else {
        out = redact_jwts_in(redactor, name, value);
    }
    if (auto mine = redactor.without_user_texts(out ? std::string_view(*out) : value)) out = std::move(mine);
    if (out && *out == value) return std::nullopt;
    return out;
}

std::optional<std::string> redact_json_text(Redactor& redactor, std::string_view text) {
    JsonTape tape;
    JsonTapeError error;
    if (!read_json_tape(text, tape, error)) return std::nullopt;
    return redact_json_tape_strings(redactor, text, tape);
}

bool looks_binary(std::string_view bytes) {
    // A file type's magic bytes alone could begin a text ("GIF89a is...",
    // "ID3 tags"), and a text is where secrets hide: binary also means bytes
    // that no text has, a NUL or broken UTF-8, near the start.
    using namespace std::string_view_literals;   // literals with NUL bytes need their length
    static constexpr std::string_view magics[] = {
        "\x89PNG\r\n\x1A\n"sv, "\xFF\xD8\xFF"sv, "GIF87a"sv, "GIF89a"sv, "wOFF"sv, "wOF2"sv, "\x00\x01\x00\x00"sv, "OTTO"sv, "%PDF-"sv,
        "PK\x03\x04"sv, "\x1F\x8B"sv, "\x00asm"sv, "ID3"sv, "OggS"sv, "fLaC"sv, "\x1A\x45\xDF\xA3"sv, "BM"sv, "RIFF"sv};
    const std::string_view head = bytes.substr(0, 4096);
    const bool not_text = head.find('\0') != std::string_view::npos || valid_utf8_prefix(head.substr(0, 1024)) + 4 < std::min<size_t>(head.size(), 1024);
    if (!not_text) return false;
    if (bytes.size() >= 12 && bytes.substr(4, 4) == "ftyp") return true;   // MP4, HEIC, AVIF
    for (const std::string_view magic : magics)
        if (bytes.starts_with(magic)) return true;
    return head.find('\0') != std::string_view::npos;
}

std::optional<std::string> redact_body(Redactor& redactor, std::string_view text, std::string_view mime_type) {
    const std::string essence = essence_of(mime_type);
    std::optional<std::string> out;
    if (essence == "application/x-www-form-urlencoded") {
        out = redact_fields(redactor, text, RedactionKind::FormField);
    } else if (essence.starts_with("multipart/")) {
        out = redacted_multipart(redactor, text, parameter_of(mime_type, "boundary"));
    } else if (essence.ends_with("json") || starts_after_spaces(text, '{') || starts_after_spaces(text, '[')) {
        // JSON by type, or text/plain that is JSON (navigator.sendBeacon).
        JsonTape tape;
        JsonTapeError error;
        if (read_json_tape(text, tape, error)) out = redact_json_tape_strings(redactor, text, tape);
        else out = redact_jwts_in(redactor, "body", text);
    } else if (essence.find("html") != std::string::npos || essence.find("xml") != std::string::npos || starts_after_spaces(text, '<')) {
        // A SAML message posted as XML, or a page (form_post answers).
        const std::string head = ascii_lowercase(text.substr(0, 2048));
        const bool page = essence.find("html") != std::string::npos || head.find("<html") != std::string::npos ||
                          head.find("<!doctype html") != std::string::npos;
        const bool saml = !page && text.find("urn:oasis:names:tc:SAML:") != std::string_view::npos;
        out = saml ? redact_saml_xml(redactor, "body", text) : redacted_html(redactor, text);
    } else if (essence.empty() && text.find('=') != std::string_view::npos && text.find_first_of(" \n<{") == std::string_view::npos) {
        out = redact_fields(redactor, text, RedactionKind::FormField);   // a form body saved without its type
    } else {
        out = redact_jwts_in(redactor, "body", text);
    }
    if (auto mine = redactor.without_user_texts(out ? std::string_view(*out) : text)) out = std::move(mine);
    if (out && *out == text) return std::nullopt;
    return out;
}

std::optional<std::string> redact_base64_body(Redactor& redactor, std::string_view base64, std::string_view mime_type) {
    // Binary bodies (images, fonts, archives) are most of a HAR file's bytes
    // and leave as they are; their first bytes tell (looks_binary reads no
    // further), so only those are decoded to know.
    const size_t head_chars = std::min<size_t>(base64.size(), 8192) & ~size_t(3);
    if (head_chars < base64.size() && base64.substr(0, head_chars).find_first_of("\r\n=") == std::string_view::npos)
        if (const auto head = base64_decode(base64.substr(0, head_chars)); head && looks_binary(*head)) return std::nullopt;
    const auto bytes = base64_decode(base64);
    if (!bytes) return redact_jwts_in(redactor, "body", base64);   // not base64 after all: read as it is
    if (looks_binary(*bytes)) return std::nullopt;
    auto redacted = redact_body(redactor, *bytes, mime_type);
    if (!redacted) return std::nullopt;
    return base64_encode(*redacted);
}

}  // namespace core
