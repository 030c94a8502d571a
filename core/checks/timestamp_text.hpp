// Timestamps as people paste them into a support form: ISO-8601 with or
// without an offset, a date and time with an IANA zone name, or a line from
// a log (Apache/nginx, RFC 2822 / HTTP dates, log4j, Unix epoch seconds or
// milliseconds). Each is read into one instant in UTC, so support can find it
// in the logs and the page can show it back in the user's zone.
//
// A time without an offset is wall-clock time in the zone given (the
// user's; nullptr = UTC). An ambiguous wall-clock time (when clocks fall
// back) takes its first occurrence; one that does not exist (clocks spring
// forward) is an error, because guessing would move it by an hour.
#pragma once

#include "core/sla/business_calendar.hpp"   // Instant

#include <optional>
#include <string>
#include <string_view>

namespace core {

struct TimestampReading {
    std::optional<Instant> instant;   // seconds; fractions are dropped
    bool had_zone = false;            // an offset, zone name or "Z" was given (epoch times count as UTC)
    std::string error;                // what is wrong and how to write it instead
};

TimestampReading read_timestamp(std::string_view text, const core::TimeZone* zone);

// The zone a timestamp names at its end ("2024-05-14 09:32 Europe/Berlin"),
// if it names one: its rules must be loaded before the time can be read.
std::string zone_named_in(std::string_view text);

}  // namespace core
