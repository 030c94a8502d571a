// A time zone's rules, read from its TZif file (RFC 8536), the format of
// /usr/share/zoneinfo. core reads no files: each shell hands it the bytes
// (the browser fetches one zone's file, the service and CLI read the disk).
// Past the file's last transition the POSIX rule in its footer takes over,
// so deadlines after 2037 still follow daylight saving time.
#pragma once

#include <date/date.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// One stretch of time with a single UTC offset: [begin, end).
struct ZonePeriod {
    date::sys_seconds begin;
    date::sys_seconds end;
    std::chrono::seconds offset{0};   // local time = UTC + offset
    bool daylight_saving = false;
    std::string abbreviation;          // "CEST", "+0530", "UTC"
};

// What a wall-clock time means in a zone.
struct LocalTimeMeaning {
    enum Kind { Unique, Skipped, Repeated };
    Kind kind = Unique;
    ZonePeriod first;    // Unique: the period; Skipped: the one before the gap; Repeated: the earlier
    ZonePeriod second;   // Skipped: the one after the gap; Repeated: the later
};

class TimeZone {
public:
    // The zone named `name` from the bytes of its TZif file; nullopt, with
    // the reason in *error, when they are not a readable TZif file.
    static std::optional<TimeZone> from_tzif(std::string name, std::string_view bytes, std::string* error = nullptr);
    // Coordinated Universal Time, with no file.
    static const TimeZone& utc();

    const std::string& name() const { return name_; }
    ZonePeriod period_at(date::sys_seconds t) const;
    LocalTimeMeaning meaning_of(date::local_seconds local) const;

    // The rule of a POSIX TZ string such as "CET-1CEST,M3.5.0,M10.5.0/3".
    struct Rule {
        struct Change {                  // a day of the year and a time on it
            enum Kind { JulianNoLeap, ZeroBasedDay, MonthWeekDay } kind = MonthWeekDay;
            int day = 0;                 // Jn: 1-365; n: 0-365; Mm.w.d: weekday 0-6 (Sunday 0)
            int month = 0, week = 0;     // Mm.w.d only
            std::chrono::seconds time = std::chrono::hours(2);   // local wall time, may be negative or > 24 h
        };
        std::string standard_abbreviation, daylight_abbreviation;
        std::chrono::seconds standard_offset{0}, daylight_offset{0};   // east of UTC
        bool has_daylight = false;
        Change start, end;   // daylight saving begins (in standard time), ends (in daylight time)
    };
    static std::optional<Rule> parse_rule(std::string_view text);

private:
    struct LocalType {
        std::chrono::seconds offset{0};
        bool daylight_saving = false;
        std::string abbreviation;
    };
    struct Transition {
        date::sys_seconds at;
        int type = 0;
    };
    ZonePeriod period_after_transitions(date::sys_seconds t) const;

    std::string name_;
    std::vector<LocalType> types_;            // at least one
    std::vector<Transition> transitions_;     // ascending
    std::optional<Rule> rule_;                // the footer, for times past the last transition
    // The least and greatest UTC offsets the zone ever has: a wall-clock time
    // can only fall in the periods between local - greatest and local - least.
    std::chrono::seconds least_offset_{0}, greatest_offset_{0};
};

}  // namespace core
