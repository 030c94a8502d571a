// The `cursor` of GET /api/v1/tickets: where the previous page ended. It is
// base64url of "opened_at:id" so that clients treat it as opaque and pass it
// back unchanged; the form may change without a new API version.
#pragma once

#include "web/tickets/ticket_store.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace web {

std::string encode_ticket_cursor(const TicketPosition& position);

// nullopt for anything encode_ticket_cursor could not have produced.
std::optional<TicketPosition> decode_ticket_cursor(std::string_view cursor);

}  // namespace web
