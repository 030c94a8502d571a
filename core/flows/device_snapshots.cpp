#include "core/flows/device_snapshots.hpp"

#include "core/flows/session_flow.hpp"
#include "core/text/json_reader.hpp"

#include <nlohmann/json.hpp>

namespace core {

namespace {

using nlohmann::json;

constexpr const char* session_name = "session";
constexpr const char* tickets_name = "tickets";

std::string stamped(Instant now, json content) {
    content["saved_at"] = format_instant_utc(now);
    return content.dump();
}

// The snapshot's content and when it was saved; nullopt when it is missing
// or unreadable (a device may hold anything).
struct Snapshot {
    json content;
    Instant saved_at;
};
std::optional<Snapshot> read(const State& state, const std::string& name) {
    auto it = state.device_snapshots.find(name);
    if (it == state.device_snapshots.end()) return std::nullopt;
    json j = read_json(it->second);
    if (!j.is_object() || !j.contains("saved_at") || !j["saved_at"].is_string()) return std::nullopt;
    std::optional<Instant> at = parse_instant(j["saved_at"].get<std::string>());
    if (!at) return std::nullopt;
    return Snapshot{std::move(j), *at};
}

}  // namespace

KeepSnapshot session_snapshot(Instant now, std::string_view session_body) {
    json account = read_json(session_body);
    if (account.is_object()) account["csrf_token"] = "";   // present, as the session's reader expects, and empty
    return {session_name, stamped(now, {{"body", account.dump()}})};
}

KeepSnapshot tickets_snapshot(Instant now, const std::vector<std::string>& page_bodies) {
    return {tickets_name, stamped(now, {{"pages", page_bodies}})};
}

std::string users_snapshot_name(const std::string& tenant) { return "users/" + tenant; }

KeepSnapshot users_snapshot(Instant now, const std::string& tenant, std::string_view page_body) {
    return {users_snapshot_name(tenant), stamped(now, {{"body", page_body}})};
}

bool sign_in_from_device(State& state) {
    std::optional<Snapshot> snapshot = read(state, session_name);
    if (!snapshot || !snapshot->content.contains("body") || !snapshot->content["body"].is_string()) return false;
    auto account = parse_account(snapshot->content["body"].get<std::string>());
    if (!account) return false;
    signed_in(state, std::move(*account.value));
    state.session_from_device = true;
    return true;
}

bool show_device_tickets(State& state, std::vector<Effect>& effects) {
    std::optional<Snapshot> snapshot = read(state, tickets_name);
    if (!snapshot || !snapshot->content.contains("pages") || !snapshot->content["pages"].is_array()) return false;
    std::vector<Ticket> items;
    for (const json& page : snapshot->content["pages"]) {
        if (!page.is_string()) return false;
        Parsed<TicketPage> parsed = parse_ticket_page(page.get<std::string>());
        if (!parsed) return false;
        for (Ticket& t : parsed.value->items) items.push_back(std::move(t));
    }
    for (const Ticket& t : items) {
        std::vector<Effect> zone = request_time_zone(state, t.customer_time_zone);
        effects.insert(effects.end(), zone.begin(), zone.end());
    }
    state.tickets.items = std::move(items);
    ++state.tickets.revision;
    state.tickets.as_of = snapshot->saved_at;
    state.tickets.error.clear();
    return true;
}

bool show_device_users(State& state) {
    std::optional<Snapshot> snapshot = read(state, users_snapshot_name(state.current_tenant));
    if (!snapshot || !snapshot->content.contains("body") || !snapshot->content["body"].is_string()) return false;
    auto page = parse_support_user_page(snapshot->content["body"].get<std::string>());
    if (!page) return false;
    state.users.items = std::move(page.value->items);
    state.users.total = page.value->total;
    state.users.next_cursor.clear();   // more pages need the service
    state.users.as_of = snapshot->saved_at;
    state.users.error.clear();
    return true;
}

std::vector<Effect> snapshot_restored(State& state, const SnapshotRestored& restored) {
    state.device_snapshots[restored.name] = restored.json;
    std::vector<Effect> effects;
    // The service already failed to answer before the device did: show it now.
    if (restored.name == session_name) {
        if (state.session == SessionStatus::Unknown && !state.service_reachable && sign_in_from_device(state))
            return enter_screen(state);
    } else if (restored.name == tickets_name) {
        if (state.tickets.items.empty() && !state.tickets.error.empty()) show_device_tickets(state, effects);
    } else if (restored.name == users_snapshot_name(state.current_tenant)) {
        if (state.users.items.empty() && !state.users.error.empty()) show_device_users(state);
    }
    return effects;
}

}  // namespace core
