#include "ticket_routes.hpp"

#include "problem.hpp"
#include "response_body.hpp"
#include "ticket_cursor.hpp"
#include "ticket_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>

namespace web {

namespace {

constexpr int default_page_size = 50;
constexpr int largest_page_size = 500;

core::Instant clock_now() { return date::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

void send_json(httplib::Response& response, const nlohmann::ordered_json& body) {
    response.status = 200;
    response.set_header("Cache-Control", "no-store");   // the SLA fields change by the second
    // replace: a summary stored with broken UTF-8 must not make the page fail.
    set_body(response, body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace), "application/json");
}

void send_storage_failure(httplib::Response& response, const std::string& error) {
    // The details stay in our log; the client only learns that it failed.
    std::fprintf(stderr, "portal-web: reading tickets failed: %s\n", error.c_str());
    send_problem(response, 500, "The tickets could not be read.");
}

std::optional<int> parse_page_size(const std::string& text) {
    int size = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), size);
    if (error != std::errc() || end != text.data() + text.size() || size < 1 || size > largest_page_size) return std::nullopt;
    return size;
}

}  // namespace

std::optional<std::vector<std::string>> visible_tenants(const Caller& caller) {
    if (caller.is_support_engineer()) return std::nullopt;
    std::vector<std::string> tenants;
    for (const MembershipRecord& membership : caller.memberships) tenants.push_back(membership.tenant.slug);
    return tenants;
}

TicketRoutes::TicketRoutes(Database& database, const core::Program& program, TimeZones& zones)
    : store_(database), program_(program), zones_(zones) {}

void TicketRoutes::add_to(ApiRouter& router) {
    router.add("GET", "/api/v1/tickets", Access::SignedIn, [this](ApiCall& call) { list(call); });
    router.add("GET", "/api/v1/tickets/{id}", Access::SignedIn, [this](ApiCall& call) { details(call); });
}

void TicketRoutes::list(ApiCall& call) {
    const httplib::Request& request = call.request;
    httplib::Response& response = call.response;
    int page_size = default_page_size;
    if (request.has_param("limit")) {
        std::string text = request.get_param_value("limit");
        std::optional<int> parsed = parse_page_size(text);
        if (!parsed) {
            send_problem(response, 400, "limit must be a whole number from 1 to " + std::to_string(largest_page_size) +
                                            ", not \"" + text + "\".");
            return;
        }
        page_size = *parsed;
    }
    std::optional<TicketPosition> after;
    if (request.has_param("cursor")) {
        after = decode_ticket_cursor(request.get_param_value("cursor"));
        if (!after) {
            send_problem(response, 400, "cursor is not one this service gave out; pass next_cursor from the previous page "
                                        "unchanged, or leave it out for the first page.");
            return;
        }
    }

    std::optional<std::vector<std::string>> tenants = visible_tenants(*call.caller);
    if (std::string tenant = request.get_param_value("tenant"); !tenant.empty()) {
        // One tenant's tickets (the portal's tenant switcher); a tenant the
        // caller has no part in does not exist as far as they can tell.
        bool visible = !tenants || call.caller->membership_in(tenant);
        if (!visible) {
            send_problem(response, 404, "There is no tenant " + tenant + ".");
            return;
        }
        tenants = std::vector<std::string>{tenant};
    }

    // One extra row tells whether another page follows, so the last page
    // says so itself instead of leading to an empty one.
    std::string error;
    std::vector<TicketRecord> tickets = store_.newest_first(page_size + 1, after, tenants, error);
    if (!error.empty()) {
        send_storage_failure(response, error);
        return;
    }
    bool more = int(tickets.size()) > page_size;
    if (more) tickets.resize(size_t(page_size));

    const core::Instant now = clock_now();   // one moment for the whole page
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (const TicketRecord& ticket : tickets) items.push_back(ticket_json(ticket, program_, zones_, now));
    nlohmann::ordered_json body;
    body["items"] = std::move(items);
    body["next_cursor"] = more ? nlohmann::ordered_json(encode_ticket_cursor({tickets.back().opened_at, tickets.back().id}))
                               : nlohmann::ordered_json(nullptr);
    body["now"] = core::format_instant_utc(now);
    send_json(response, body);
}

void TicketRoutes::details(ApiCall& call) {
    const std::string& id = call.parameter(0);
    std::string error;
    std::optional<TicketRecord> ticket = store_.find(id, error);
    if (!error.empty()) {
        send_storage_failure(call.response, error);
        return;
    }
    std::optional<std::vector<std::string>> tenants = visible_tenants(*call.caller);
    bool visible = ticket && (!tenants || std::find(tenants->begin(), tenants->end(), ticket->tenant) != tenants->end());
    if (!visible) {
        send_problem(call.response, 404, "There is no ticket " + id + ".");
        return;
    }
    send_json(call.response, ticket_json(*ticket, program_, zones_, clock_now()));
}

}  // namespace web
