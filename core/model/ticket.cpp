#include "core/model/ticket.hpp"

#include "core/text/json_reader.hpp"

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
    // Checked before narrowing to int, or 4294967298 would pass as severity 2.
    const std::int64_t severity = member(j, path, "severity", json::value_t::number_integer).get<std::int64_t>();
    if (severity < 1 || severity > max_severity_levels)
        throw Fail{path + ".severity: expected a level from 1 to " + std::to_string(max_severity_levels)};
    t.severity = int(severity);
    t.opened_at = instant_at(j, path, "opened_at");
    t.customer_time_zone = member(j, path, "customer_time_zone", json::value_t::string).get<std::string>();
    if (auto it = j.find("first_response_at"); it != j.end() && !it->is_null())
        t.first_response_at = instant_at(j, path, "first_response_at");
    if (auto it = j.find("status"); it != j.end() && !it->is_null()) {
        const std::string text = member(j, path, "status", json::value_t::string).get<std::string>();
        std::optional<TicketStatus> status = parse_ticket_status(text);
        if (!status) throw Fail{path + ".status: expected open, solved or closed, got \"" + text + "\""};
        t.status = *status;
    }
    return t;
}

// An object of strings (or of booleans) in `key`; missing or null is empty.
template <class Value>
std::map<std::string, Value> map_at(const json& object, const std::string& path, const char* key) {
    std::map<std::string, Value> map;
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return map;
    if (!it->is_object()) throw Fail{path + "." + key + ": wrong type (" + std::string(it->type_name()) + ")"};
    constexpr bool booleans = std::is_same_v<Value, bool>;
    for (auto item = it->begin(); item != it->end(); ++item) {
        if (booleans ? !item->is_boolean() : !item->is_string())
            throw Fail{path + "." + key + "." + item.key() + ": wrong type (" + std::string(item->type_name()) + ")"};
        map[item.key()] = item->template get<Value>();
    }
    return map;
}

std::vector<std::string> strings_at(const json& object, const std::string& path, const char* key) {
    std::vector<std::string> strings;
    const json& list = member(object, path, key, json::value_t::array);
    for (size_t i = 0; i < list.size(); ++i) {
        if (!list[i].is_string())
            throw Fail{path + "." + key + "[" + std::to_string(i) + "]: wrong type (" + std::string(list[i].type_name()) + ")"};
        strings.push_back(list[i].get<std::string>());
    }
    return strings;
}

// A string member that may be null (or missing): empty then.
std::string optional_string_at(const json& object, const std::string& path, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return {};
    return member(object, path, key, json::value_t::string).get<std::string>();
}

CommentAuthor author_kind_at(const json& object, const std::string& path) {
    const std::string kind = member(object, path, "author_kind", json::value_t::string).get<std::string>();
    if (kind == "customer") return CommentAuthor::Customer;
    if (kind == "support") return CommentAuthor::Support;
    if (kind == "automated") return CommentAuthor::Automated;
    throw Fail{path + ".author_kind: unknown kind \"" + kind + "\""};
}

TicketComment read_comment(const json& j, const std::string& path) {
    if (!j.is_object()) throw Fail{path + ": expected an object"};
    TicketComment comment;
    comment.id = member(j, path, "id", json::value_t::number_integer).get<int64_t>();
    comment.author = optional_string_at(j, path, "author");
    comment.author_kind = author_kind_at(j, path);
    comment.body = member(j, path, "body", json::value_t::string).get<std::string>();
    comment.created_at = instant_at(j, path, "created_at");
    return comment;
}

}  // namespace

bool TicketDetails::allows(TicketAction action) const {
    for (const std::string& allowed : actions)
        if (allowed == to_string(action)) return true;
    return false;
}

Parsed<TicketDetails> parse_ticket_details(std::string_view json_text) {
    json doc = read_json(json_text);
    if (doc.is_discarded() || !doc.is_object()) return {std::nullopt, "the ticket is not a JSON object"};
    try {
        TicketDetails details;
        details.ticket = read_ticket(doc, "");
        details.tenant = optional_string_at(doc, "", "tenant");
        if (auto it = doc.find("created_by"); it != doc.end() && !it->is_null()) {
            if (!it->is_object()) throw Fail{".created_by: expected an object"};
            details.created_by_email = member(*it, ".created_by", "email", json::value_t::string).get<std::string>();
            details.created_by_name = optional_string_at(*it, ".created_by", "name");
        }
        details.fields = map_at<std::string>(doc, "", "fields");
        details.answers = map_at<std::string>(doc, "", "answers");
        details.checklist = map_at<bool>(doc, "", "checklist");
        details.escalates = optional_string_at(doc, "", "escalates");
        details.escalated_by = strings_at(doc, "", "escalated_by");
        const json& comments = member(doc, "", "comments", json::value_t::array);
        for (size_t i = 0; i < comments.size(); ++i)
            details.comments.push_back(read_comment(comments[i], ".comments[" + std::to_string(i) + "]"));
        details.actions = strings_at(doc, "", "actions");
        return {std::move(details), {}};
    } catch (const Fail& fail) {
        std::string message = fail.message;
        if (message.starts_with('.')) message.erase(0, 1);
        return {std::nullopt, message};
    }
}

Parsed<TicketPage> parse_ticket_page(std::string_view json_text) {
    json doc = read_json(json_text);
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

std::string ticket_id_of(std::string_view json_text) {
    const json doc = read_json(json_text);
    if (!doc.is_object()) return {};
    auto it = doc.find("id");
    return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace core
