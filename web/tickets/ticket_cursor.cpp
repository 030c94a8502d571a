#include "web/tickets/ticket_cursor.hpp"

#include "web/store/unix_time.hpp"

#include "core/text/base64url.hpp"

#include <charconv>

namespace web {

std::string encode_ticket_cursor(const TicketPosition& position) {
    return core::base64url_encode(std::to_string(unix_seconds(position.opened_at)) + ":" + position.id);
}

std::optional<TicketPosition> decode_ticket_cursor(std::string_view cursor) {
    if (cursor.empty() || cursor.size() > 200) return std::nullopt;
    std::optional<std::string> text = core::base64url_decode(cursor);
    if (!text) return std::nullopt;
    size_t colon = text->find(':');
    if (colon == std::string::npos || colon + 1 == text->size()) return std::nullopt;
    TicketPosition position;
    const char* begin = text->data();
    int64_t opened_at = 0;   // unix seconds
    auto [end, error] = std::from_chars(begin, begin + colon, opened_at);
    if (error != std::errc() || end != begin + colon) return std::nullopt;
    position.opened_at = instant_from_unix(opened_at);
    position.id = text->substr(colon + 1);
    return position;
}

}  // namespace web
