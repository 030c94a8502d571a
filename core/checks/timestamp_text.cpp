#include "core/checks/timestamp_text.hpp"

#include "core/text/ascii_text.hpp"
#include "core/text/utf8_text.hpp"
#include "core/time/zone_catalog.hpp"

#include <array>
#include <cstdio>

namespace core {

namespace {

constexpr std::string_view how_to_write = "like 2024-05-14 09:32 Europe/Berlin or 2024-05-14T07:32:00Z";

constexpr std::array<std::string_view, 12> month_names = {"january", "february", "march",     "april",
                                                          "may",     "june",     "july",      "august",
                                                          "september", "october", "november", "december"};
constexpr std::array<std::string_view, 12> month_titles = {"January", "February", "March",     "April",
                                                           "May",     "June",     "July",      "August",
                                                           "September", "October", "November", "December"};


std::string two_digits(long value) {
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%02ld", value);
    return buffer;
}

// Reads a text from left to right; each reader consumes only on success.
struct Cursor {
    std::string_view text;
    size_t at = 0;

    bool done() const { return at >= text.size(); }
    char peek() const { return done() ? '\0' : text[at]; }
    std::string_view rest() const { return text.substr(std::min(at, text.size())); }
    bool take(char c) {
        if (peek() != c) return false;
        ++at;
        return true;
    }
    bool skip_spaces() {
        size_t start = at;
        while (peek() == ' ') ++at;
        return at > start;
    }
    // Between `least` and `most` digits.
    bool number(size_t least, size_t most, int& out) {
        size_t end = at;
        while (end < text.size() && end - at < most && is_ascii_digit(text[end])) ++end;
        if (end - at < least) return false;
        out = 0;
        for (; at < end; ++at) out = out * 10 + (text[at] - '0');
        return true;
    }
    std::string_view word() {
        size_t start = at;
        while (!done() && is_ascii_letter(text[at])) ++at;
        return text.substr(start, at - start);
    }
};

// A month by its English name or three-letter abbreviation: "May", "Sep", "september". 0 when none.
int month_from_name(std::string_view word) {
    std::string w;
    for (char c : word) w += ascii_lower(c);
    for (size_t i = 0; i < month_names.size(); ++i)
        if (w == month_names[i] || (w.size() == 3 && month_names[i].starts_with(w))) return int(i) + 1;
    return 0;
}

struct WallClock {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

// What the zone part after the time said.
struct ZonePart {
    enum class Kind { None, Offset, Name } kind = Kind::None;
    std::chrono::minutes offset{0};
    std::string name;
};

struct Pieces {
    WallClock clock;
    ZonePart zone;
    std::string error;
};

Pieces failed(std::string error) { return {{}, {}, std::move(error)}; }

std::string wall_clock_problem(const WallClock& c) {
    if (c.month < 1 || c.month > 12)
        return "There is no month " + std::to_string(c.month) + "; write the date as year-month-day, " +
               std::string(how_to_write) + ".";
    const date::year_month_day ymd{date::year{c.year}, date::month{unsigned(c.month)}, date::day{unsigned(c.day)}};
    if (!ymd.ok()) {
        const unsigned last = unsigned(date::year_month_day_last{date::year{c.year} / date::month{unsigned(c.month)} /
                                                                 date::last}.day());
        return std::string(month_titles[size_t(c.month - 1)]) + " " + std::to_string(c.year) + " has " +
               std::to_string(last) + " days, so day " + std::to_string(c.day) + " does not exist; check the date.";
    }
    if (c.hour > 23) return "The hour goes from 00 to 23; " + std::to_string(c.hour) + " is not a time of day.";
    if (c.minute > 59) return "Minutes go from 00 to 59; " + std::to_string(c.minute) + " is not a valid minute.";
    if (c.second > 59) return "Seconds go from 00 to 59; " + std::to_string(c.second) + " is not a valid second.";
    return {};
}

// "HH:MM[:SS[.fraction]]"; the hour may have one digit.
bool read_time(Cursor& c, WallClock& clock) {
    if (!c.number(1, 2, clock.hour) || !c.take(':') || !c.number(2, 2, clock.minute)) return false;
    if (c.take(':')) {
        if (!c.number(2, 2, clock.second)) return false;
        if (c.take('.') || c.take(',')) {
            int ignored;
            if (!c.number(1, 9, ignored)) return false;
            while (is_ascii_digit(c.peek())) c.at++;   // fractions of a second do not matter to support
        }
    }
    return true;
}

// "Z", "UTC", "GMT", "+01:00", "+0100", "+01", or an IANA name; nothing at all is fine too.
bool read_zone(Cursor& c, ZonePart& zone, std::string& error) {
    c.skip_spaces();
    std::string_view rest = c.rest();
    if (rest.empty()) return true;
    if (rest == "Z" || rest == "z" || rest == "UTC" || rest == "GMT" || rest == "UT") {
        zone.kind = ZonePart::Kind::Offset;
        c.at = c.text.size();
        return true;
    }
    if (rest[0] == '+' || rest[0] == '-' || rest.starts_with("\xE2\x88\x92")) {   // U+2212 minus, pasted from documents
        const int sign = rest[0] == '+' ? 1 : -1;
        c.at += rest[0] == '+' || rest[0] == '-' ? 1 : 3;
        int hours = 0, minutes = 0;
        bool ok = c.number(2, 2, hours);
        if (ok && !c.done()) {
            c.take(':');
            ok = c.number(2, 2, minutes);
        }
        if (!ok || !c.done() || hours > 14 || minutes > 59) {
            error = "Write the offset as +HH:MM or +HHMM, like +02:00; " + in_quotes(rest) + " is not one.";
            return false;
        }
        zone.kind = ZonePart::Kind::Offset;
        zone.offset = sign * std::chrono::minutes(hours * 60 + minutes);
        return true;
    }
    for (char ch : rest) {
        if (!is_ascii_letter(ch) && !is_ascii_digit(ch) && ch != '/' && ch != '_' && ch != '-' && ch != '+') {
            error = "After the time comes a zone, like Europe/Berlin, Z or +02:00; " + in_quotes(rest) +
                    " is not one.";
            return false;
        }
    }
    zone.kind = ZonePart::Kind::Name;
    zone.name = std::string(rest);
    c.at = c.text.size();
    return true;
}

// 2024-05-14[T ]09:32[:11[.123]][zone]
Pieces read_iso(Cursor& c) {
    Pieces p;
    if (!c.number(4, 4, p.clock.year) || !c.take('-') || !c.number(1, 2, p.clock.month) || !c.take('-') ||
        !c.number(1, 2, p.clock.day))
        return failed("Write the date as year-month-day, " + std::string(how_to_write) + ".");
    if (c.done()) return failed("Add the time of day after the date, " + std::string(how_to_write) + ".");
    if (!c.take('T') && !c.take('t') && !c.skip_spaces())
        return failed("Put a space or a T between the date and the time, " + std::string(how_to_write) + ".");
    if (!read_time(c, p.clock))
        return failed("Write the time as hours and minutes, like 09:32 or 09:32:11; " + std::string(how_to_write) + ".");
    read_zone(c, p.zone, p.error);
    return p;
}

// Apache and nginx access logs: 14/May/2024:09:32:11 +0000
Pieces read_access_log(Cursor& c) {
    Pieces p;
    if (!c.number(1, 2, p.clock.day) || !c.take('/')) return failed("");
    p.clock.month = month_from_name(c.word());
    if (p.clock.month == 0 || !c.take('/') || !c.number(4, 4, p.clock.year) || !c.take(':') ||
        !read_time(c, p.clock))
        return failed("");
    read_zone(c, p.zone, p.error);
    return p;
}

// RFC 2822 mail and HTTP dates: [Tue, ]14 May 2024 09:32:11 GMT
Pieces read_mail_date(Cursor& c) {
    Pieces p;
    Cursor start = c;
    if (is_ascii_letter(c.peek())) {
        c.word();
        if (!c.take(',')) c = start;
        c.skip_spaces();
    }
    if (!c.number(1, 2, p.clock.day) || !c.skip_spaces()) return failed("");
    p.clock.month = month_from_name(c.word());
    if (p.clock.month == 0 || !c.skip_spaces() || !c.number(4, 4, p.clock.year) || !c.skip_spaces() ||
        !read_time(c, p.clock))
        return failed("");
    read_zone(c, p.zone, p.error);
    return p;
}

// Brackets and quotes around a value copied out of a log line.
std::string_view unwrap(std::string_view text) {
    text = trim_spaces(text);
    while (!text.empty() && std::string_view("[(\"'<").find(text.front()) != std::string_view::npos) {
        text.remove_prefix(1);
        text = trim_spaces(text);
    }
    while (!text.empty() && std::string_view("])\"'>").find(text.back()) != std::string_view::npos) {
        text.remove_suffix(1);
        text = trim_spaces(text);
    }
    return text;
}

TimestampReading from_epoch(std::string_view digits) {
    if (digits.size() != 10 && digits.size() != 13)
        return {std::nullopt, false,
                "A Unix time has 10 digits (seconds) or 13 (milliseconds); this one has " +
                    std::to_string(digits.size()) + ". Or write the date and time, " + std::string(how_to_write) + "."};
    long long value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    if (digits.size() == 13) value = value / 1000;   // milliseconds (JavaScript, Java)
    return {Instant{std::chrono::seconds{value}}, true, {}};
}

std::string hh_mm(std::chrono::seconds since_midnight) {
    const long minutes = long(since_midnight.count() / 60);
    return two_digits(minutes / 60) + ":" + two_digits(minutes % 60);
}

// "2026-03-29": the day's midnight written as a UTC instant, cut to its date.
std::string local_date_text(date::local_days day) {
    return format_instant_utc(Instant{date::sys_days{day.time_since_epoch()}}).substr(0, 10);
}

// Wall-clock time in `zone` as an instant; the first of two when clocks fall back.
TimestampReading in_zone(date::local_seconds local, const core::TimeZone* zone, const std::string& zone_name,
                         bool had_zone) {
    if (!zone)
        return {std::nullopt, had_zone,
                "The rules of time zone " + zone_name +
                    " are not loaded in this browser yet; try again in a moment, or write the offset, like +02:00."};
    const LocalTimeMeaning info = zone->meaning_of(local);
    if (info.kind == LocalTimeMeaning::Skipped) {
        const Instant change = info.second.begin;
        const date::local_days day = date::floor<date::days>(local);
        // The wall clock at the moment of the change, read with the offset before or after it.
        const auto time_of_day = [&](std::chrono::seconds offset) {
            const date::local_seconds wall{change.time_since_epoch() + offset};
            return hh_mm(wall - date::floor<date::days>(wall));
        };
        return {std::nullopt, had_zone,
                hh_mm(local - day) + " on " + local_date_text(day) + " did not happen in " + zone_name +
                    ": the clocks jumped from " + time_of_day(info.first.offset) + " to " +
                    time_of_day(info.second.offset) + ". Check the time, or add the offset, like +02:00."};
    }
    return {Instant{local.time_since_epoch() - info.first.offset}, had_zone, {}};
}

// The reading before its year is checked.
TimestampReading read_any_year(std::string_view text, const core::TimeZone* zone) {
    text = unwrap(text);
    if (text.empty()) return {std::nullopt, false, "Enter a date and time, " + std::string(how_to_write) + "."};
    if (valid_utf8_prefix(text) != text.size())
        return {std::nullopt, false, "The time contains characters that are not text; type it again."};
    bool all_digits = true;
    for (char c : text) all_digits = all_digits && is_ascii_digit(c);
    if (all_digits) return from_epoch(text);

    Cursor cursor{text};
    Pieces pieces;
    const bool iso = text.size() >= 5 && is_ascii_digit(text[0]) && is_ascii_digit(text[1]) && is_ascii_digit(text[2]) &&
                     is_ascii_digit(text[3]) && text[4] == '-';
    if (iso) {
        pieces = read_iso(cursor);
    } else {
        pieces = read_access_log(cursor);
        if (pieces.clock.month == 0) {
            cursor = Cursor{text};
            pieces = read_mail_date(cursor);
        }
        if (pieces.clock.month == 0)
            return {std::nullopt, false,
                    "Write the date and time " + std::string(how_to_write) + "; " + in_quotes(text) +
                        " is not a form this field reads."};
    }
    if (!pieces.error.empty()) return {std::nullopt, false, pieces.error};
    if (std::string problem = wall_clock_problem(pieces.clock); !problem.empty()) return {std::nullopt, false, problem};

    const WallClock& w = pieces.clock;
    const date::local_days day{date::year{w.year} / date::month{unsigned(w.month)} / date::day{unsigned(w.day)}};
    const date::local_seconds local =
        day + std::chrono::hours(w.hour) + std::chrono::minutes(w.minute) + std::chrono::seconds(w.second);

    switch (pieces.zone.kind) {
        case ZonePart::Kind::Offset:
            return {Instant{local.time_since_epoch() - pieces.zone.offset}, true, {}};
        case ZonePart::Kind::Name: {
            if (!is_zone_name(pieces.zone.name)) {
                const bool abbreviation = pieces.zone.name.size() <= 5 && pieces.zone.name.find('/') == std::string::npos;
                if (abbreviation)
                    return {std::nullopt, false,
                            "Zone abbreviations like " + in_quotes(pieces.zone.name) +
                                " are ambiguous; write the offset, like +02:00, or the zone name, like Europe/Berlin."};
                return {std::nullopt, false,
                        "There is no time zone " + in_quotes(pieces.zone.name) +
                            "; write a zone name like Europe/Berlin or America/New_York, or an offset like +02:00."};
            }
            return in_zone(local, locate_zone(pieces.zone.name), pieces.zone.name, true);
        }
        case ZonePart::Kind::None:
            break;
    }
    if (!zone) return {Instant{local.time_since_epoch()}, false, {}};
    return in_zone(local, zone, zone->name(), false);
}

}  // namespace

std::string zone_named_in(std::string_view text) {
    text = trim_spaces(text);
    const size_t space = text.find_last_of(' ');
    const std::string_view last = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
    return !last.empty() && is_zone_name(last) ? std::string(last) : std::string();
}

TimestampReading read_timestamp(std::string_view text, const core::TimeZone* zone) {
    TimestampReading reading = read_any_year(text, zone);
    // Year 0000 early in the morning east of Greenwich is year -1 in UTC: no
    // log has it, and it could not be written back as ISO-8601 to compare.
    if (reading.instant && !has_four_digit_year(*reading.instant))
        return {std::nullopt, reading.had_zone,
                "That time is before the year 0000 or after 9999 in UTC; check the year, " + std::string(how_to_write) +
                    "."};
    return reading;
}

}  // namespace core
