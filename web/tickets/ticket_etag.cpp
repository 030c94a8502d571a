#include "web/tickets/ticket_etag.hpp"

#include "web/http/conditional_request.hpp"

namespace web {

namespace {

using nlohmann::ordered_json;

// The ticket without what only the clock changes (ticket_json's sla_json).
ordered_json stored_part(ordered_json ticket) {
    auto sla = ticket.find("sla");
    if (sla != ticket.end() && sla->is_object())
        for (const char* moving : {"state", "business_seconds_left", "late_seconds", "resumes_at"}) sla->erase(moving);
    return ticket;
}

}  // namespace

std::string ticket_etag(const ordered_json& ticket) { return json_etag(stored_part(ticket)); }

std::string ticket_page_etag(const ordered_json& page) {
    ordered_json stored;
    ordered_json& items = stored["items"] = ordered_json::array();
    for (const ordered_json& ticket : page.at("items")) items.push_back(stored_part(ticket));
    stored["next_cursor"] = page.at("next_cursor");
    return json_etag(stored);
}

}  // namespace web
