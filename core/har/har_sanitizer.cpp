#include "core/har/har_sanitizer.hpp"

#include "core/har/body_redaction.hpp"
#include "core/har/header_redaction.hpp"
#include "core/har/token_redaction.hpp"
#include "core/har/url_redaction.hpp"

namespace core {

namespace {

std::string key_of(std::string_view text, const JsonNode& node) {
    if (!node.is_member()) return {};
    return json_string_text(text.substr(node.key_begin, node.key_end - node.key_begin));
}

std::string member_text(std::string_view text, const JsonTape& tape, int32_t object, std::string_view name) {
    const int32_t at = tape.member(text, object, name);
    if (at < 0 || tape.nodes[static_cast<size_t>(at)].kind != JsonKind::String) return {};
    const JsonNode& node = tape.nodes[static_cast<size_t>(at)];
    return json_string_text(text.substr(node.begin, node.end - node.begin));
}

}  // namespace

HarSanitizer::HarSanitizer(const HarSanitizerOptions& options, Sink sink)
    : redactor_(options.key, options.user_texts), sink_(std::move(sink)) {}

std::string HarSanitizer::where(const HarPart& part, std::string_view text, uint32_t node) const {
    std::vector<uint32_t> chain;
    for (int32_t at = static_cast<int32_t>(node); at > 0; at = tape_.nodes[static_cast<size_t>(at)].parent) chain.push_back(static_cast<uint32_t>(at));
    std::string path(part.path);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const JsonNode& n = tape_.nodes[*it];
        if (n.is_member()) path += '.' + key_of(text, n);
        else path += '[' + std::to_string(position_[*it]) + ']';
    }
    return path;
}

std::optional<std::string> HarSanitizer::redacted_string(const HarPart& part, std::string_view text, uint32_t index,
                                                         const std::string& value) {
    const JsonNode& node = tape_.nodes[index];
    const std::string key = key_of(text, node);
    const int32_t parent = node.parent;
    const JsonNode* holder = parent >= 0 ? &tape_.nodes[static_cast<size_t>(parent)] : nullptr;
    // The list an object sits in: headers[], cookies[], queryString[], params[], _webSocketMessages[].
    std::string list;
    if (holder && holder->kind == JsonKind::Object && holder->parent >= 0 &&
        tape_.nodes[static_cast<size_t>(holder->parent)].kind == JsonKind::Array)
        list = key_of(text, tape_.nodes[static_cast<size_t>(holder->parent)]);
    const std::string holder_key = holder ? key_of(text, *holder) : std::string();

    if (value.empty()) return std::nullopt;
    redactor_.set_where(where(part, text, index));
    std::optional<std::string> out;
    if (key == "value" && (list == "headers" || list == "cookies" || list == "queryString" || list == "params")) {
        const std::string name = member_text(text, tape_, parent, "name");
        if (list == "headers") out = redact_header(redactor_, name, value);
        else if (list == "cookies") out = redactor_.redact(RedactionKind::Cookie, name, value);
        else out = redact_field_value(redactor_, list == "params" ? RedactionKind::FormField : RedactionKind::UrlParameter, name, value, true);
    } else if (key == "text" && (holder_key == "postData" || holder_key == "content")) {
        const std::string mime_type = member_text(text, tape_, parent, "mimeType");
        if (member_text(text, tape_, parent, "encoding") == "base64") out = redact_base64_body(redactor_, value, mime_type);
        else out = redact_body(redactor_, value, mime_type);
    } else if (key == "data" && list == "_webSocketMessages") {
        const int32_t opcode = tape_.member(text, parent, "opcode");
        const bool binary = opcode >= 0 && text.substr(tape_.nodes[static_cast<size_t>(opcode)].begin,
                                                       tape_.nodes[static_cast<size_t>(opcode)].end - tape_.nodes[static_cast<size_t>(opcode)].begin) == "2";
        out = binary ? redact_base64_body(redactor_, value, "") : redact_body(redactor_, value, "");
    } else if (key == "url" || key == "redirectURL" || looks_like_url(value)) {
        out = redact_url(redactor_, value);
    } else {
        out = redact_json_string(redactor_, key, value);
    }
    if (auto mine = redactor_.without_user_texts(out ? std::string_view(*out) : std::string_view(value))) out = std::move(mine);
    if (out && *out == value) return std::nullopt;
    return out;
}

bool HarSanitizer::part(const HarPart& part, JsonTapeError& error) {
    if (!read_json_tape(part.text, tape_, error)) return false;
    const std::string_view text = part.text;
    position_.assign(tape_.nodes.size(), 0);
    {
        std::vector<uint32_t> children(tape_.nodes.size(), 0);
        for (size_t i = 1; i < tape_.nodes.size(); i++) position_[i] = children[static_cast<size_t>(tape_.nodes[i].parent)]++;
    }
    out_.clear();
    size_t from = 0;
    for (uint32_t i = 0; i < tape_.nodes.size(); i++) {
        const JsonNode& node = tape_.nodes[i];
        // A member's name loses only the texts the user added.
        if (node.is_member()) {
            if (auto renamed = redactor_.without_user_texts(key_of(text, node))) {
                out_.append(text.substr(from, node.key_begin - from));
                append_json_quoted(out_, *renamed);
                from = node.key_end;
            }
        }
        if (node.kind != JsonKind::String) continue;
        const std::string value = json_string_text(text.substr(node.begin, node.end - node.begin));
        if (auto redacted = redacted_string(part, text, i, value)) {
            out_.append(text.substr(from, node.begin - from));
            append_json_quoted(out_, *redacted);
            from = node.end;
        }
    }
    if (out_.empty() && from == 0) {
        sink_(text);
        if (observer_ && part.kind == HarPartKind::Entry) observer_(part.index, text, tape_);
        return true;
    }
    out_.append(text.substr(from));
    sink_(out_);
    if (observer_ && part.kind == HarPartKind::Entry) {
        JsonTape tape;
        JsonTapeError ignored;
        if (read_json_tape(out_, tape, ignored)) observer_(part.index, out_, tape);
    }
    return true;
}

SanitizedHar sanitize_har(std::string_view text, const HarSanitizerOptions& options) {
    SanitizedHar result;
    result.text.reserve(text.size());
    HarSanitizer sanitizer(options, [&](std::string_view bytes) { result.text.append(bytes); });
    result.ok = sanitizer.feed(text) && sanitizer.finish();
    if (!result.ok) {
        result.error = sanitizer.error();
        result.text.clear();
    }
    result.report = sanitizer.report();
    result.entries = sanitizer.entry_count();
    return result;
}

}  // namespace core
