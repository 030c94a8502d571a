#include "core/text/utf8_text.hpp"

#include <algorithm>
#include <vector>

namespace core {

namespace {

// The code point starting at text[at] and its length in bytes; length 0 when invalid.
std::pair<char32_t, size_t> decode_one(std::string_view text, size_t at) {
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) return {lead, 1};
    size_t length = 0;
    char32_t c = 0;
    char32_t smallest = 0;   // below it the sequence is an overlong form of a shorter one
    if ((lead & 0xE0) == 0xC0) length = 2, c = lead & 0x1F, smallest = 0x80;
    else if ((lead & 0xF0) == 0xE0) length = 3, c = lead & 0x0F, smallest = 0x800;
    else if ((lead & 0xF8) == 0xF0) length = 4, c = lead & 0x07, smallest = 0x10000;
    else return {0, 0};
    if (at + length > text.size()) return {0, 0};
    for (size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) return {0, 0};
        c = (c << 6) | (byte(at + i) & 0x3F);
    }
    if (c < smallest || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return {0, 0};
    return {c, length};
}

std::string shown(char32_t c) {
    if (c == ' ') return "a space";
    if (c == '\t') return "a tab";
    if (c == '\n' || c == '\r') return "a line break";
    if (c < 0x20 || c == 0x7F) return "a control character";
    if (c == '"') return "'\"'";
    return "\"" + encode_utf8(c) + "\"";
}

}  // namespace

std::optional<std::u32string> decode_utf8(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (size_t at = 0; at < text.size();) {
        auto [c, length] = decode_one(text, at);
        if (length == 0) return std::nullopt;
        out += c;
        at += length;
    }
    return out;
}

size_t valid_utf8_prefix(std::string_view text) {
    size_t at = 0;
    while (at < text.size()) {
        size_t length = decode_one(text, at).second;
        if (length == 0) break;
        at += length;
    }
    return at;
}

size_t utf8_sequence_length(std::string_view text, size_t at) { return decode_one(text, at).second; }

std::string encode_utf8(char32_t c) {
    std::string out;
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
    return out;
}

std::string quote_characters(std::u32string_view characters, size_t limit) {
    std::vector<std::string> names;
    bool more = false;
    for (char32_t c : characters) {
        std::string name = shown(c);
        if (std::find(names.begin(), names.end(), name) != names.end()) continue;
        if (names.size() == limit) {
            more = true;
            break;
        }
        names.push_back(std::move(name));
    }
    std::string out;
    for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
    if (more) out += " and more";
    return out;
}

bool is_hidden_control(char32_t c) {
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return true;                       // C0, DEL, C1
    if (c == 0x200C || c == 0x200D) return false;                                 // the joiners some scripts need
    if (c == 0x00AD || c == 0x061C || c == 0x180E) return true;                   // soft hyphen, Arabic letter mark, Mongolian separator
    if (c >= 0x200B && c <= 0x200F) return true;                                  // zero-width space, LRM, RLM
    if (c >= 0x2028 && c <= 0x202E) return true;                                  // separators, embeddings, overrides
    if (c >= 0x2060 && c <= 0x206F) return true;                                  // word joiner, isolates, invisible operators
    if (c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB)) return true;                 // byte order mark, annotations
    if (c == 0xE0001 || (c >= 0xE0020 && c <= 0xE007F)) return true;              // tags
    return false;
}

std::string code_point_name(char32_t c) {
    static const char digits[] = "0123456789ABCDEF";
    std::string hex;
    for (char32_t rest = c; rest > 0 || hex.size() < 4; rest >>= 4) hex.insert(hex.begin(), digits[rest & 0xF]);
    return "U+" + hex;
}

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string name_in_quotes(std::string_view name) { return "\xE2\x80\x9C" + std::string(name) + "\xE2\x80\x9D"; }

}  // namespace core
