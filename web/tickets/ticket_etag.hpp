// A ticket's ETag names the ticket as it is stored, seen by this caller:
// its fields, status, severity, conversation and the actions open to the
// caller. The SLA members that move with the clock alone (state, seconds
// left or late, when a pause ends) are worked out afresh for every answer
// and left out, or the tag would change every second and no If-Match could
// ever hold; a client keeps those live from the deadline, as the portal does.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace web {

// Of a Ticket or TicketDetails answer.
std::string ticket_etag(const nlohmann::ordered_json& ticket);

// Of a page of the ticket list: its tickets and next_cursor, not its `now`.
std::string ticket_page_etag(const nlohmann::ordered_json& page);

}  // namespace web
