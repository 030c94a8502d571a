// Business hours in an IANA time zone: the clock behind every SLA promise.
//
// A calendar is a weekly pattern of open intervals [HH:MM, HH:MM) in the
// customer's local time, closed holidays (local dates) and date-specific
// breaks. Instants are UTC (date::sys_seconds); each interval end is a wall
// clock time converted on its own, so business time is real elapsed time: a
// 00:00-24:00 day lasts 23 or 25 hours on DST transition days. A local time
// that does not exist (spring forward) moves forward by the gap; an ambiguous
// one (fall back) takes its first occurrence.
//
// Cost grows with the open intervals crossed, never with minutes; runs of
// whole weeks without holidays, breaks or offset changes are skipped
// arithmetically. Nothing here reads the clock: `now` is always a parameter.
// A calendar caches its last offset period: one per thread.
#pragma once

#include "core/program/program.hpp"
#include "core/time/time_zone.hpp"

#include <array>
#include <chrono>
#include <optional>
#include <vector>

namespace core {

using Instant = date::sys_seconds;

class BusinessCalendar {
public:
    // `zone` must outlive the calendar (zones in core's catalog live as long
    // as the program). The schedule must be valid (parse_program/parse_schedule
    // checked it); unreadable parts are ignored.
    BusinessCalendar(const TimeZone* zone, const Schedule& schedule);

    const TimeZone* zone() const { return zone_; }

    bool is_open(Instant t) const;
    // The first open instant at or after t (t itself when open); nullopt if the
    // calendar never opens again.
    std::optional<Instant> next_open(Instant t) const;
    // The end of the open span containing t, or of the next one if t is
    // closed. Touching intervals, also across midnight, count as one span.
    std::optional<Instant> next_close(Instant t) const;

    // The deadline: the first instant at which `amount` of business time,
    // counted from `start` (or from the next opening), is used up. 720 minutes
    // from Monday 06:00 on a 06:00-18:00 calendar is Monday 18:00.
    // add(start, 0) is the next business moment at or after start.
    std::optional<Instant> add(Instant start, std::chrono::seconds amount) const;
    // Business time in [a, b); zero when b <= a.
    std::chrono::seconds elapsed(Instant a, Instant b) const;

private:
    struct Span {
        Instant begin, end;
    };
    Instant to_instant(date::local_seconds local) const;
    date::local_days local_day_of(Instant t) const;
    // Appends the open spans of `day`, converted to instants.
    void spans_of(date::local_days day, std::vector<Span>& out) const;
    // Business seconds of a whole week starting at `day` when it can be
    // computed without looking at each day: no holidays or breaks and one UTC
    // offset throughout. nullopt otherwise.
    std::optional<std::chrono::seconds> plain_week_length(date::local_days day, int* weeks_available) const;

    // The UTC offset period of the last conversion: most conversions of one
    // calculation fall into it, and the zone's lookups are the costly part. This
    // makes a calendar cheap to use but not safe to share between threads.
    struct OffsetPeriod {
        Instant begin = Instant::max(), end = Instant::min();   // empty until first use
        std::chrono::seconds offset{0};
    };
    const OffsetPeriod& period_of(Instant t) const;
    mutable OffsetPeriod period_;

    const TimeZone* zone_;
    std::array<std::vector<std::pair<int, int>>, 7> week_;   // Monday = 0, minutes of the day
    std::chrono::seconds week_length_{0};                      // nominal business time per week
    std::vector<date::local_days> holidays_;                   // sorted
    struct Break {
        date::local_days day;
        int from, to;
    };
    std::vector<Break> breaks_;                                // sorted by day, then start
};

// Whether `t` falls in a four-digit year in UTC (0000 to 9999): only those
// does format_instant_utc write as text parse_instant reads back.
bool has_four_digit_year(Instant t);

// "2026-03-27T17:00:00+01:00", "...Z", fractional seconds dropped; nullopt
// for an instant whose offset moves it out of a four-digit year in UTC.
std::optional<Instant> parse_instant(std::string_view text);
// The instant in `zone` with its offset: "2026-03-30T09:00:00+02:00".
std::string format_instant(Instant t, const TimeZone* zone);
// UTC with a Z: "2026-03-30T07:00:00Z".
std::string format_instant_utc(Instant t);

}  // namespace core
