#include "ticket_cursor.hpp"

#include <charconv>

namespace web {

namespace {

constexpr std::string_view base64url_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// Unpadded base64url (RFC 4648 section 5): safe in a query string as it is.
std::string base64url_encode(std::string_view bytes) {
    std::string out;
    uint32_t bits = 0;
    int bit_count = 0;
    for (unsigned char byte : bytes) {
        bits = (bits << 8) | byte;
        bit_count += 8;
        while (bit_count >= 6) {
            bit_count -= 6;
            out += base64url_alphabet[(bits >> bit_count) & 63];
        }
    }
    if (bit_count > 0) out += base64url_alphabet[(bits << (6 - bit_count)) & 63];
    return out;
}

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

}  // namespace

std::string encode_ticket_cursor(const TicketPosition& position) {
    return base64url_encode(std::to_string(position.opened_at) + ":" + position.id);
}

std::optional<TicketPosition> decode_ticket_cursor(std::string_view cursor) {
    if (cursor.empty() || cursor.size() > 200) return std::nullopt;
    std::optional<std::string> text = base64url_decode(cursor);
    if (!text) return std::nullopt;
    size_t colon = text->find(':');
    if (colon == std::string::npos || colon + 1 == text->size()) return std::nullopt;
    TicketPosition position;
    const char* begin = text->data();
    auto [end, error] = std::from_chars(begin, begin + colon, position.opened_at);
    if (error != std::errc() || end != begin + colon) return std::nullopt;
    position.id = text->substr(colon + 1);
    return position;
}

}  // namespace web
