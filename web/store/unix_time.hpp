// The service's clock, in whole unix seconds (UTC), and how times go out in
// JSON. Handlers read the clock once per request and pass it down, as core
// asks of its callers.
#pragma once

#include "core/sla/business_calendar.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace web {

inline int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// "2026-11-23T19:31:00Z"
inline std::string utc_text(int64_t unix_seconds) {
    return core::format_instant_utc(core::Instant{std::chrono::seconds{unix_seconds}});
}

// The same, or JSON null when there is no time ("never signed in").
inline nlohmann::ordered_json utc_json(const std::optional<int64_t>& unix_seconds) {
    return unix_seconds ? nlohmann::ordered_json(utc_text(*unix_seconds)) : nlohmann::ordered_json(nullptr);
}

}  // namespace web
