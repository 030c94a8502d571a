#include "core/text/base64url.hpp"

#include <array>
#include <cstdint>

namespace core {

namespace {

constexpr std::string_view base64url_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::string_view base64_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string encode(std::string_view bytes, std::string_view alphabet) {
    std::string out;
    uint32_t bits = 0;
    int bit_count = 0;
    for (unsigned char byte : bytes) {
        bits = (bits << 8) | byte;
        bit_count += 8;
        while (bit_count >= 6) {
            bit_count -= 6;
            out += alphabet[(bits >> bit_count) & 63];
        }
    }
    if (bit_count > 0) out += alphabet[(bits << (6 - bit_count)) & 63];
    return out;
}

}  // namespace

std::string base64url_encode(std::string_view bytes) { return encode(bytes, base64url_alphabet); }

std::optional<std::string> base64url_decode(std::string_view text) {
    std::string out;
    uint32_t bits = 0;
    int bit_count = 0;
    for (char c : text) {
        size_t value = base64url_alphabet.find(c);
        if (value == std::string_view::npos) return std::nullopt;
        bits = (bits << 6) | uint32_t(value);
        bit_count += 6;
        if (bit_count >= 8) {
            bit_count -= 8;
            out += char((bits >> bit_count) & 0xff);
        }
    }
    // Leftover bits must be the zero padding of a whole last byte: a lone
    // sixth of a byte, or stray set bits, mean the text was not ours.
    if (bit_count >= 6 || (bits & ((1u << bit_count) - 1)) != 0) return std::nullopt;
    return out;
}

std::string base64_encode(std::string_view bytes) {
    std::string out = encode(bytes, base64_alphabet);
    while (out.size() % 4 != 0) out += '=';
    return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
    // A table rather than a search: HAR bodies run to megabytes.
    static const auto values = [] {
        std::array<int8_t, 256> table{};
        table.fill(-1);
        for (size_t i = 0; i < base64_alphabet.size(); i++) table[static_cast<unsigned char>(base64_alphabet[i])] = static_cast<int8_t>(i);
        return table;
    }();
    // Written into a buffer of the largest size, then cut: no append per byte.
    std::string out(text.size() / 4 * 3 + 3, '\0');
    size_t written = 0;
    uint32_t bits = 0;
    int bit_count = 0;
    size_t padding = 0;
    // Whole groups of four letters at a time while there are no line breaks
    // or padding; the rest a letter at a time.
    size_t at = 0;
    for (; at + 4 <= text.size(); at += 4) {
        const int8_t a = values[static_cast<unsigned char>(text[at])], b = values[static_cast<unsigned char>(text[at + 1])],
                     c = values[static_cast<unsigned char>(text[at + 2])], d = values[static_cast<unsigned char>(text[at + 3])];
        if ((a | b | c | d) < 0) break;
        const uint32_t group = uint32_t(a) << 18 | uint32_t(b) << 12 | uint32_t(c) << 6 | uint32_t(d);
        out[written] = static_cast<char>(group >> 16);
        out[written + 1] = static_cast<char>(group >> 8);
        out[written + 2] = static_cast<char>(group);
        written += 3;
    }
    for (const char c : text.substr(at)) {
        if (c == '\r' || c == '\n') continue;
        if (c == '=') {
            if (++padding > 2) return std::nullopt;
            continue;
        }
        const int8_t value = values[static_cast<unsigned char>(c)];
        if (value < 0 || padding > 0) return std::nullopt;
        bits = (bits << 6) | static_cast<uint32_t>(value);
        bit_count += 6;
        if (bit_count >= 8) {
            bit_count -= 8;
            out[written++] = static_cast<char>((bits >> bit_count) & 0xff);
        }
    }
    if (bit_count >= 6) return std::nullopt;
    out.resize(written);
    return out;
}

}  // namespace core
