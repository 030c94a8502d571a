#include "core/model/ticket.hpp"

#include "core/text/json_member_reader.hpp"
#include "core/text/json_reader.hpp"

#include <nlohmann/json.hpp>

namespace core {

namespace {

using nlohmann::json;

bool read_ticket(JsonMemberReader& r, const json& j, const std::string& path, Ticket& t) {
    if (!j.is_object()) return r.fail(path, "expected an object");
    if (!r.text(j, path, "id", t.id) || !r.text(j, path, "route", t.route) || !r.text(j, path, "summary", t.summary) ||
        !r.text(j, path, "plan", t.plan))
        return false;
    const json* severity = r.member(j, path, "severity", json::value_t::number_integer);
    if (!severity) return false;
    // Checked before narrowing to int, or 4294967298 would pass as severity 2.
    const std::int64_t level = severity->get<std::int64_t>();
    if (level < 1 || level > max_severity_levels)
        return r.fail(JsonMemberReader::member_path(path, "severity"),
                      "expected a level from 1 to " + std::to_string(max_severity_levels));
    t.severity = int(level);
    if (auto it = j.find("tenant"); it != j.end() && !it->is_null() && !r.text(j, path, "tenant", t.tenant)) return false;
    if (!r.instant(j, path, "opened_at", t.opened_at) ||
        !r.text(j, path, "customer_time_zone", t.customer_time_zone))
        return false;
    if (auto it = j.find("first_response_at"); it != j.end() && !it->is_null()) {
        Instant at;
        if (!r.instant(j, path, "first_response_at", at)) return false;
        t.first_response_at = at;
    }
    if (auto it = j.find("status"); it != j.end() && !it->is_null()) {
        std::string text;
        if (!r.text(j, path, "status", text)) return false;
        std::optional<TicketStatus> status = parse_ticket_status(text);
        if (!status)
            return r.fail(JsonMemberReader::member_path(path, "status"),
                          "expected open, solved or closed, got \"" + text + "\"");
        t.status = *status;
    }
    return true;
}

// An object of strings (or of booleans) in `key`; missing or null is empty.
template <class Value>
bool read_map(JsonMemberReader& r, const json& object, const std::string& path, const char* key,
              std::map<std::string, Value>& map) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return true;
    const std::string where = JsonMemberReader::member_path(path, key);
    if (!it->is_object()) return r.fail(where, "wrong type (" + std::string(it->type_name()) + ")");
    constexpr bool booleans = std::is_same_v<Value, bool>;
    for (auto item = it->begin(); item != it->end(); ++item) {
        if (booleans ? !item->is_boolean() : !item->is_string())
            return r.fail(where + "." + item.key(), "wrong type (" + std::string(item->type_name()) + ")");
        map[item.key()] = item->template get<Value>();
    }
    return true;
}

bool read_strings(JsonMemberReader& r, const json& object, const std::string& path, const char* key,
                  std::vector<std::string>& strings) {
    const json* list = r.member(object, path, key, json::value_t::array);
    if (!list) return false;
    for (size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        if (!item.is_string())
            return r.fail(JsonMemberReader::member_path(path, key) + "[" + std::to_string(i) + "]",
                          "wrong type (" + std::string(item.type_name()) + ")");
        strings.push_back(item.get<std::string>());
    }
    return true;
}

// A string member that may be null (or missing): empty then.
bool read_optional_text(JsonMemberReader& r, const json& object, const std::string& path, const char* key,
                        std::string& out) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return true;
    return r.text(object, path, key, out);
}

bool read_author_kind(JsonMemberReader& r, const json& object, const std::string& path, CommentAuthor& out) {
    std::string kind;
    if (!r.text(object, path, "author_kind", kind)) return false;
    if (kind == "customer") out = CommentAuthor::Customer;
    else if (kind == "support") out = CommentAuthor::Support;
    else if (kind == "automated") out = CommentAuthor::Automated;
    else return r.fail(JsonMemberReader::member_path(path, "author_kind"), "unknown kind \"" + kind + "\"");
    return true;
}

bool read_comment(JsonMemberReader& r, const json& j, const std::string& path, TicketComment& comment) {
    if (!j.is_object()) return r.fail(path, "expected an object");
    const json* id = r.member(j, path, "id", json::value_t::number_integer);
    if (!id) return false;
    comment.id = id->get<int64_t>();
    return read_optional_text(r, j, path, "author", comment.author) && read_author_kind(r, j, path, comment.author_kind) &&
           r.text(j, path, "body", comment.body) && r.instant(j, path, "created_at", comment.created_at);
}

bool read_attachment(JsonMemberReader& r, const json& j, const std::string& path, TicketAttachment& a) {
    if (!j.is_object()) return r.fail(path, "expected an object");
    const json* size = r.member(j, path, "size", json::value_t::number_integer);
    if (!size) return false;
    a.size = size->get<long long>();
    auto by = j.find("added_by");
    if (by != j.end() && by->is_object()) {
        const std::string by_path = JsonMemberReader::member_path(path, "added_by");
        if (!read_optional_text(r, *by, by_path, "name", a.added_by_name) || !read_optional_text(r, *by, by_path, "email", a.added_by_email))
            return false;
    }
    return r.text(j, path, "id", a.id) && r.text(j, path, "file_name", a.file_name) && r.text(j, path, "kind", a.kind) &&
           r.instant(j, path, "created_at", a.created_at) && r.text(j, path, "url", a.url);
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
    JsonMemberReader r;
    TicketDetails details;
    auto read_created_by = [&] {
        auto it = doc.find("created_by");
        if (it == doc.end() || it->is_null()) return true;
        if (!it->is_object()) return r.fail("created_by", "expected an object");
        return r.text(*it, "created_by", "email", details.created_by_email) &&
               read_optional_text(r, *it, "created_by", "name", details.created_by_name);
    };
    auto read_comments = [&] {
        const json* comments = r.member(doc, "", "comments", json::value_t::array);
        if (!comments) return false;
        details.comments.resize(comments->size());
        for (size_t i = 0; i < comments->size(); ++i)
            if (!read_comment(r, (*comments)[i], "comments[" + std::to_string(i) + "]", details.comments[i])) return false;
        return true;
    };
    auto read_attachments = [&] {
        auto it = doc.find("attachments");
        if (it == doc.end()) return true;
        if (!it->is_array()) return r.fail("attachments", "expected a list");
        details.attachments.resize(it->size());
        for (size_t i = 0; i < it->size(); ++i)
            if (!read_attachment(r, (*it)[i], "attachments[" + std::to_string(i) + "]", details.attachments[i])) return false;
        return true;
    };
    const bool ok = read_ticket(r, doc, "", details.ticket) && read_optional_text(r, doc, "", "tenant", details.tenant) &&
                    read_created_by() && read_map(r, doc, "", "fields", details.fields) &&
                    read_map(r, doc, "", "answers", details.answers) && read_map(r, doc, "", "checklist", details.checklist) &&
                    read_optional_text(r, doc, "", "escalates", details.escalates) &&
                    read_strings(r, doc, "", "escalated_by", details.escalated_by) && read_comments() && read_attachments() &&
                    read_strings(r, doc, "", "actions", details.actions);
    if (!ok) return {std::nullopt, r.error};
    return {std::move(details), {}};
}

Parsed<TicketPage> parse_ticket_page(std::string_view json_text) {
    json doc = read_json(json_text);
    if (doc.is_discarded() || !doc.is_object()) return {std::nullopt, "the ticket list is not a JSON object"};
    JsonMemberReader r;
    TicketPage page;
    const json* items = r.member(doc, "", "items", json::value_t::array);
    if (!items) return {std::nullopt, r.error};
    page.items.resize(items->size());
    for (size_t i = 0; i < items->size(); ++i)
        if (!read_ticket(r, (*items)[i], "items[" + std::to_string(i) + "]", page.items[i])) return {std::nullopt, r.error};
    if (auto it = doc.find("next_cursor"); it != doc.end() && it->is_string()) page.next_cursor = it->get<std::string>();
    return {std::move(page), {}};
}

std::string ticket_id_of(std::string_view json_text) {
    const json doc = read_json(json_text);
    if (!doc.is_object()) return {};
    auto it = doc.find("id");
    return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace core
