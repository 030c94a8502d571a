#include "ticket_routes.hpp"

#include "problem.hpp"
#include "response_body.hpp"
#include "ticket_cursor.hpp"
#include "ticket_json.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <chrono>
#include <cstdio>

namespace web {

namespace {

constexpr std::string_view tickets_path = "/api/v1/tickets";
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

TicketRoutes::TicketRoutes(Database& database, const core::Program& program, TimeZones& zones)
    : store_(database), program_(program), zones_(zones) {}

bool TicketRoutes::serves(const std::string& path) {
    return path == tickets_path || (path.starts_with(tickets_path) && path[tickets_path.size()] == '/');
}

void TicketRoutes::handle(const httplib::Request& request, httplib::Response& response) {
    if (request.method != "GET" && request.method != "HEAD") {
        response.set_header("Allow", "GET, HEAD");
        send_problem(response, 405, request.method + " is not allowed on " + request.path + "; use GET.");
        return;
    }
    if (request.path == tickets_path)
        list(request, response);
    else
        details(request.path.substr(tickets_path.size() + 1), response);
}

void TicketRoutes::list(const httplib::Request& request, httplib::Response& response) {
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

    // One extra row tells whether another page follows, so the last page
    // says so itself instead of leading to an empty one.
    std::string error;
    std::vector<TicketRecord> tickets = store_.newest_first(page_size + 1, after, error);
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

void TicketRoutes::details(const std::string& id, httplib::Response& response) {
    std::string error;
    std::optional<TicketRecord> ticket = store_.find(id, error);
    if (!error.empty()) {
        send_storage_failure(response, error);
        return;
    }
    if (!ticket) {
        send_problem(response, 404, id.empty() ? "A ticket id is missing after /api/v1/tickets/." : "There is no ticket " + id + ".");
        return;
    }
    send_json(response, ticket_json(*ticket, program_, zones_, clock_now()));
}

}  // namespace web
