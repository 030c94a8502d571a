#include "ticket.hpp"

#include <nlohmann/json.hpp>

namespace core {

namespace {

using nlohmann::json;

struct Fail {
    std::string message;
};

const json& member(const json& object, const std::string& path, const char* key, json::value_t type) {
    auto it = object.find(key);
    if (it == object.end()) throw Fail{path + "." + key + ": missing"};
    if (it->type() != type && !(type == json::value_t::number_integer && it->is_number_unsigned()))
        throw Fail{path + "." + key + ": wrong type (" + std::string(it->type_name()) + ")"};
    return *it;
}

Instant instant_at(const json& object, const std::string& path, const char* key) {
    const std::string text = member(object, path, key, json::value_t::string).get<std::string>();
    auto t = parse_instant(text);
    if (!t) throw Fail{path + "." + key + ": \"" + text + "\" is not an ISO-8601 instant"};
    return *t;
}

Ticket read_ticket(const json& j, const std::string& path) {
    if (!j.is_object()) throw Fail{path + ": expected an object"};
    Ticket t;
    t.id = member(j, path, "id", json::value_t::string).get<std::string>();
    t.route = member(j, path, "route", json::value_t::string).get<std::string>();
    t.summary = member(j, path, "summary", json::value_t::string).get<std::string>();
    t.plan = member(j, path, "plan", json::value_t::string).get<std::string>();
    t.severity = member(j, path, "severity", json::value_t::number_integer).get<int>();
    if (t.severity < 1 || t.severity > 4) throw Fail{path + ".severity: expected 1 to 4"};
    t.opened_at = instant_at(j, path, "opened_at");
    t.customer_time_zone = member(j, path, "customer_time_zone", json::value_t::string).get<std::string>();
    if (auto it = j.find("first_response_at"); it != j.end() && !it->is_null())
        t.first_response_at = instant_at(j, path, "first_response_at");
    if (auto it = j.find("status"); it != j.end() && it->is_string()) t.status = it->get<std::string>();
    return t;
}

}  // namespace

TicketPageResult parse_ticket_page(std::string_view json_text) {
    json doc = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object()) return {std::nullopt, "the ticket list is not a JSON object"};
    try {
        TicketPage page;
        const json& items = member(doc, "", "items", json::value_t::array);
        page.items.reserve(items.size());
        for (size_t i = 0; i < items.size(); ++i) page.items.push_back(read_ticket(items[i], "items[" + std::to_string(i) + "]"));
        if (auto it = doc.find("next_cursor"); it != doc.end() && it->is_string()) page.next_cursor = it->get<std::string>();
        return {std::move(page), {}};
    } catch (const Fail& fail) {
        std::string message = fail.message;
        if (message.starts_with('.')) message.erase(0, 1);
        return {std::nullopt, message};
    }
}

}  // namespace core
