// What every fuzz target shares: the input as text, a way to cut it into
// several texts, a fixed clock and zone, and a check that stops the run like
// a crash. A broken property is a bug as much as a crash is, and trapping
// makes libFuzzer keep the input that showed it.
#pragma once

#include "core/sla/business_calendar.hpp"
#include "tests/unit/system_zones.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace fuzz {

inline std::string_view text_of(const uint8_t* data, size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

inline void expect(bool holds) {
    if (!holds) __builtin_trap();
}

// The same input must take the same path on every run, so "now" is fixed:
// Wed 18 Nov 2026, 19:06:40 UTC.
inline const core::Instant now{std::chrono::seconds{1795028800}};

// A zone with daylight saving time, so wall-clock readings meet gaps and overlaps.
inline const core::TimeZone* berlin() {
    static const core::TimeZone* zone = (tests::read_system_zones(), core::locate_zone("Europe/Berlin"));
    return zone;
}

// The input cut at each NUL byte: one input, several texts (a list, or a
// selector and a value). Dictionaries and seeds use "\x00" between parts.
inline std::vector<std::string_view> parts_of(std::string_view text) {
    std::vector<std::string_view> parts;
    for (size_t start = 0;;) {
        const size_t end = text.find('\0', start);
        parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return parts;
        start = end + 1;
    }
}

}  // namespace fuzz
