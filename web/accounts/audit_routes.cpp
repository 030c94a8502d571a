#include "web/accounts/audit_routes.hpp"

#include "web/accounts/account_json.hpp"
#include "web/accounts/audit_log.hpp"
#include "core/text/base64url.hpp"
#include "web/http/json_response.hpp"
#include "web/http/problem.hpp"
#include "web/accounts/tenant_access.hpp"
#include "web/store/unix_time.hpp"

#include <charconv>

namespace web {

namespace {

constexpr int default_page_size = 50;
constexpr int largest_page_size = 200;

std::optional<int64_t> whole_number(std::string_view text) {
    int64_t number = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return number;
}

// The cursor is base64url of the last entry's id: opaque, like the others.
std::string encode_cursor(int64_t id) { return core::base64url_encode("audit " + std::to_string(id)); }

std::optional<int64_t> decode_cursor(const std::string& cursor) {
    std::optional<std::string> text = core::base64url_decode(cursor);
    if (!text || !text->starts_with("audit ")) return std::nullopt;
    return whole_number(std::string_view(*text).substr(6));
}

}  // namespace

void AuditRoutes::add_to(ApiRouter& router) {
    router.add("GET", "/api/v1/tenants/{tenant}/audit", Access::SignedIn, [this](ApiCall& call) { list(call); });
}

void AuditRoutes::list(ApiCall& call) {
    const MembershipRecord* admin = tenant_admin_or_refuse(*call.caller, call.parameter(0), call.response);
    if (!admin) return;
    int limit = default_page_size;
    if (call.request.has_param("limit")) {
        std::string text = call.request.get_param_value("limit");
        std::optional<int64_t> number = whole_number(text);
        if (!number || *number < 1 || *number > largest_page_size) {
            send_problem(call.response, 400,
                         "limit must be a whole number from 1 to " + std::to_string(largest_page_size) + ", not \"" + text + "\".");
            return;
        }
        limit = int(*number);
    }
    std::optional<int64_t> before;
    if (std::string cursor = call.request.get_param_value("cursor"); !cursor.empty()) {
        before = decode_cursor(cursor);
        if (!before) {
            send_problem(call.response, 400, "cursor is not one this service gave out; pass next_cursor from the previous "
                                             "page unchanged, or leave it out for the first page.");
            return;
        }
    }

    std::vector<AuditEntry> entries = database_.with_connection(
        [&](sqlite3* connection) { return audit_entries(connection, admin->tenant.id, limit + 1, before); });
    bool more = int(entries.size()) > limit;
    if (more) entries.resize(size_t(limit));

    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (const AuditEntry& entry : entries) {
        nlohmann::ordered_json item;
        item["at"] = utc_text(entry.at);
        item["actor"] = entry.actor_email ? person_json(*entry.actor_email, entry.actor_name) : nlohmann::ordered_json(nullptr);
        item["action"] = entry.action;
        item["target"] = {{"email", entry.target_email}};
        item["address"] = entry.address;
        items.push_back(std::move(item));
    }
    nlohmann::ordered_json body;
    body["items"] = std::move(items);
    body["next_cursor"] = more ? nlohmann::ordered_json(encode_cursor(entries.back().id)) : nlohmann::ordered_json(nullptr);
    send_json(call.response, 200, body);
}

}  // namespace web
