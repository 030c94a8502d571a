#include "core/text/mail_header.hpp"

#include "core/text/base64url.hpp"

namespace core {

namespace {

// 75 characters at most per encoded word: "=?UTF-8?B?" and "?=" take 12,
// and 45 bytes make 60 characters of base64.
constexpr size_t bytes_per_word = 45;

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string mail_header_text(std::string_view text) {
    std::string line;
    bool ascii = true;
    for (char c : text) {
        line += (c == '\r' || c == '\n') ? ' ' : c;
        if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
    }
    if (ascii) return line;

    std::string out;
    std::string_view rest = line;
    while (!rest.empty()) {
        size_t take = std::min(bytes_per_word, rest.size());
        // Back up to the start of a character, unless one character alone is
        // longer than a word can hold (not valid UTF-8; split it anyway).
        size_t cut = take;
        while (cut > 0 && cut < rest.size() && is_continuation_byte(rest[cut])) --cut;
        if (cut > 0) take = cut;
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?" + base64_encode(rest.substr(0, take)) + "?=";
        rest.remove_prefix(take);
    }
    return out;
}

}  // namespace core
