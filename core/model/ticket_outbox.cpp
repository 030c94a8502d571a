#include "core/model/ticket_outbox.hpp"

#include "core/text/json_reader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>

namespace core {

using nlohmann::json;

std::string queued_ticket_to_json(const QueuedTicket& ticket) {
    return json{{"key", ticket.key},
                {"route", ticket.route},
                {"user", ticket.user},
                {"body", ticket.body},
                {"queued_at", format_instant_utc(ticket.queued_at)},
                {"attempts", ticket.attempts}}
        .dump();
}

std::optional<QueuedTicket> parse_queued_ticket(std::string_view json_text) {
    json j = read_json(json_text);
    if (!j.is_object()) return std::nullopt;
    auto text = [&](const char* name) -> const std::string* {
        auto it = j.find(name);
        return it != j.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
    };
    const std::string* key = text("key");
    const std::string* route = text("route");
    const std::string* body = text("body");
    const std::string* queued_at = text("queued_at");
    if (!key || key->empty() || !route || route->empty() || !body || !queued_at) return std::nullopt;
    std::optional<Instant> at = parse_instant(*queued_at);
    if (!at) return std::nullopt;
    QueuedTicket ticket;
    ticket.key = *key;
    ticket.route = *route;
    ticket.body = *body;
    ticket.queued_at = *at;
    if (const std::string* user = text("user")) ticket.user = *user;
    // Clamped before narrowing to int, or 4294967297 attempts would be 1.
    if (auto it = j.find("attempts"); it != j.end() && it->is_number_integer())
        ticket.attempts = it->is_number_unsigned() ? int(std::min<std::uint64_t>(it->get<std::uint64_t>(), 1000))
                                                   : int(std::clamp<std::int64_t>(it->get<std::int64_t>(), 0, 1000));
    return ticket;
}

std::chrono::milliseconds retry_delay(int attempts, std::string_view key) {
    using std::chrono::milliseconds;
    const int doublings = std::clamp(attempts - 1, 0, 20);
    const int64_t base = std::min<int64_t>(int64_t{2000} << doublings, 300000);
    // FNV-1a over the key and the attempt number: a stable, evenly spread
    // fraction in [0.5, 1).
    uint64_t hash = 1469598103934665603ull;
    auto mix = [&](unsigned char c) { hash = (hash ^ c) * 1099511628211ull; };
    for (char c : key) mix(static_cast<unsigned char>(c));
    for (int i = 0; i < 4; ++i) mix(static_cast<unsigned char>((attempts >> (8 * i)) & 0xff));
    const double fraction = 0.5 + 0.5 * static_cast<double>(hash % 10007) / 10007.0;
    return milliseconds{static_cast<int64_t>(static_cast<double>(base) * fraction)};
}

}  // namespace core
