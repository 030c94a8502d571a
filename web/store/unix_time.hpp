// The service's clock, in whole seconds (UTC), and how times go out in JSON.
// Handlers read the clock once per request and pass it down, as core asks
// of its callers. Times are core::Instant throughout the service, so a time
// is never mistaken for an id or a count; the database keeps them as INTEGER
// unix seconds, converted at the statement (sqlite_statement).
#pragma once

#include "core/sla/business_calendar.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace web {

inline core::Instant service_now() { return date::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

// Only where unix seconds are the form: the INTEGER columns, and page cursors.
inline int64_t unix_seconds(core::Instant t) { return t.time_since_epoch().count(); }
inline core::Instant instant_from_unix(int64_t seconds) { return core::Instant{std::chrono::seconds{seconds}}; }

// "2026-11-23T19:31:00Z"
inline std::string utc_text(core::Instant t) { return core::format_instant_utc(t); }

// The same, or JSON null when there is no time ("never signed in").
inline nlohmann::ordered_json utc_json(const std::optional<core::Instant>& t) {
    return t ? nlohmann::ordered_json(utc_text(*t)) : nlohmann::ordered_json(nullptr);
}

}  // namespace web
