#include "core/sla/business_calendar.hpp"
#include "core/text/ascii_text.hpp"
#include "core/text/calendar_date.hpp"

#include <algorithm>
#include <cstdio>

namespace core {

namespace {

using std::chrono::seconds;
using std::chrono::minutes;
using std::chrono::hours;
using date::days;
using date::local_days;

constexpr seconds one_day = hours(24);
constexpr seconds one_week = hours(24 * 7);

int weekday_index(local_days day) {   // Monday = 0
    return static_cast<int>(date::weekday{day}.iso_encoding()) - 1;
}

std::optional<local_days> parse_local_date(std::string_view text) {
    if (const std::optional<date::year_month_day> ymd = parse_calendar_date(text)) return local_days{*ymd};
    return std::nullopt;
}

}  // namespace

BusinessCalendar::BusinessCalendar(const TimeZone* zone, const Schedule& schedule) : zone_(zone) {
    for (size_t day = 0; day < 7; ++day) {
        for (const TimeRange& range : schedule.week[day]) {
            const std::optional<int> from = minute_of_day(range.from);
            const std::optional<int> to = minute_of_day(range.to);
            if (!from || !to || *from >= *to) continue;
            week_[day].emplace_back(*from, *to);
            week_length_ += minutes(*to - *from);
        }
        std::sort(week_[day].begin(), week_[day].end());
    }
    for (const std::string& text : schedule.holidays)
        if (auto day = parse_local_date(text)) holidays_.push_back(*day);
    std::sort(holidays_.begin(), holidays_.end());
    holidays_.erase(std::unique(holidays_.begin(), holidays_.end()), holidays_.end());
    for (const ScheduleBreak& b : schedule.breaks) {
        const auto day = parse_local_date(b.date);
        const auto from = minute_of_day(b.from);
        const auto to = minute_of_day(b.to);
        if (day && from && to && *from < *to) breaks_.push_back({*day, *from, *to});
    }
    std::sort(breaks_.begin(), breaks_.end(),
              [](const Break& a, const Break& b) { return a.day != b.day ? a.day < b.day : a.from < b.from; });
}

// Each wall-clock time converts on its own. meaning.first is the offset in force
// just before the time: for a time skipped by spring forward that moves it
// forward by the gap, for a repeated one it picks the first occurrence.
Instant BusinessCalendar::to_instant(date::local_seconds local) const {
    // Inside the cached period, a day away from its edges, the offset is the
    // only one that applies (no gap or overlap is a day long).
    const OffsetPeriod& p = period_;
    if (p.begin < p.end) {
        const Instant guess{local.time_since_epoch() - p.offset};
        if (guess - p.begin >= one_day && p.end - guess > one_day) return guess;
    }
    const LocalTimeMeaning meaning = zone_->meaning_of(local);
    const Instant result{local.time_since_epoch() - meaning.first.offset};
    if (meaning.kind == LocalTimeMeaning::Unique) period_of(result);
    return result;
}

const BusinessCalendar::OffsetPeriod& BusinessCalendar::period_of(Instant t) const {
    if (!(period_.begin <= t && t < period_.end)) {
        const ZonePeriod period = zone_->period_at(t);
        period_ = {period.begin, period.end, period.offset};
    }
    return period_;
}

local_days BusinessCalendar::local_day_of(Instant t) const {
    const OffsetPeriod& p = period_of(t);
    return date::floor<days>(date::local_seconds{t.time_since_epoch() + p.offset});
}

void BusinessCalendar::spans_of(local_days day, std::vector<Span>& out) const {
    if (std::binary_search(holidays_.begin(), holidays_.end(), day)) return;
    auto push = [&](int from, int to) {
        const Instant begin = to_instant(day + minutes(from));
        const Instant end = to_instant(day + minutes(to));
        if (end <= begin) return;
        if (!out.empty() && out.back().end >= begin) out.back().end = std::max(out.back().end, end);
        else out.push_back({begin, end});
    };
    auto first_break = std::lower_bound(breaks_.begin(), breaks_.end(), day,
                                        [](const Break& b, local_days d) { return b.day < d; });
    for (const auto& [from, to] : week_[weekday_index(day)]) {
        // Cut this day's breaks out of the range, left to right.
        int cursor = from;
        for (auto b = first_break; b != breaks_.end() && b->day == day && cursor < to; ++b) {
            if (b->to <= cursor || b->from >= to) continue;
            if (b->from > cursor) push(cursor, b->from);
            cursor = std::max(cursor, b->to);
        }
        if (cursor < to) push(cursor, to);
    }
}

std::optional<seconds> BusinessCalendar::plain_week_length(local_days day, int* weeks_available) const {
    if (week_length_ == seconds(0)) return std::nullopt;
    // One UTC offset from a day before to a day after the run of weeks, so
    // every interval lasts exactly its nominal length.
    const Instant begin = to_instant(day);
    const ZonePeriod period = zone_->period_at(begin - one_day);
    long long weeks = 1LL << 20;   // no further offset change known
    if (period.end < begin + one_week * weeks) weeks = (period.end - begin - one_day) / one_week;
    auto next_holiday = std::lower_bound(holidays_.begin(), holidays_.end(), day);
    if (next_holiday != holidays_.end()) weeks = std::min<long long>(weeks, (*next_holiday - day).count() / 7);
    auto next_break = std::lower_bound(breaks_.begin(), breaks_.end(), day,
                                       [](const Break& b, local_days d) { return b.day < d; });
    if (next_break != breaks_.end()) weeks = std::min<long long>(weeks, (next_break->day - day).count() / 7);
    if (weeks < 1) return std::nullopt;
    *weeks_available = static_cast<int>(std::min<long long>(weeks, 1 << 20));
    return week_length_;
}

bool BusinessCalendar::is_open(Instant t) const {
    std::vector<Span> spans;
    const local_days today = local_day_of(t);
    spans_of(today - days(1), spans);
    spans_of(today, spans);
    for (const Span& s : spans)
        if (s.begin <= t && t < s.end) return true;
    return false;
}

std::optional<Instant> BusinessCalendar::next_open(Instant t) const {
    if (week_length_ == seconds(0)) return std::nullopt;
    // Any 7 plain days hold an opening; holidays and breaks can only push it
    // out by the days they cover.
    const long long limit = 14 + 7 * static_cast<long long>(holidays_.size() + breaks_.size());
    std::vector<Span> spans;
    local_days day = local_day_of(t) - days(1);
    for (long long i = 0; i <= limit; ++i, day += days(1)) {
        spans.clear();
        spans_of(day, spans);
        for (const Span& s : spans)
            if (s.end > t) return std::max(s.begin, t);
    }
    return std::nullopt;
}

std::optional<Instant> BusinessCalendar::next_close(Instant t) const {
    const std::optional<Instant> open = next_open(t);
    if (!open) return std::nullopt;
    const bool always_open = std::all_of(week_.begin(), week_.end(), [](const auto& ranges) {
        return ranges.size() == 1 && ranges[0].first == 0 && ranges[0].second == 24 * 60;
    });
    local_days day = local_day_of(*open) - days(1);
    if (always_open) {
        // Around the clock: only a holiday or a break ever closes it.
        std::optional<local_days> first_closed;
        auto h = std::lower_bound(holidays_.begin(), holidays_.end(), day);
        if (h != holidays_.end()) first_closed = *h;
        for (const Break& b : breaks_)
            if (b.day >= day && (!first_closed || b.day < *first_closed)) first_closed = b.day;
        if (!first_closed) return std::nullopt;
        day = std::max(day, *first_closed - days(1));
    }
    std::vector<Span> spans;
    std::optional<Instant> end;
    for (int i = 0; i < 400; ++i, day += days(1)) {
        spans.clear();
        spans_of(day, spans);
        for (const Span& s : spans) {
            if (!end) {
                if (s.end > *open) end = s.end;
                continue;
            }
            if (s.begin > *end) return end;   // a gap: the span closed
            end = std::max(*end, s.end);
        }
        if (end && spans.empty()) return end;
    }
    return end;
}

std::optional<Instant> BusinessCalendar::add(Instant start, seconds amount) const {
    if (amount <= seconds(0)) return next_open(start);
    if (week_length_ == seconds(0)) return std::nullopt;
    seconds remaining = amount;
    std::vector<Span> spans;
    local_days day = local_day_of(start) - days(1);
    // Each full week consumes week_length_ > 0, so the loop ends; the bound
    // only guards against a calendar closed by holidays for years.
    const long long limit = 14 + 7 * static_cast<long long>(holidays_.size() + breaks_.size()) +
                            7 * (amount / std::max(week_length_, seconds(1)) + 1);
    for (long long i = 0; i <= limit; ++i) {
        int weeks = 0;
        if (remaining > week_length_ && to_instant(day) >= start) {
            if (std::optional<seconds> length = plain_week_length(day, &weeks)) {
                const long long skip = std::min<long long>(weeks, (remaining - seconds(1)) / *length);
                day += days(7 * skip);
                remaining -= *length * skip;
            }
        }
        spans.clear();
        spans_of(day, spans);
        for (const Span& s : spans) {
            if (s.end <= start) continue;
            const Instant from = std::max(s.begin, start);
            const seconds length = s.end - from;
            if (remaining <= length) return from + remaining;
            remaining -= length;
        }
        day += days(1);
    }
    return std::nullopt;
}

seconds BusinessCalendar::elapsed(Instant a, Instant b) const {
    if (b <= a || week_length_ == seconds(0)) return seconds(0);
    seconds total{0};
    std::vector<Span> spans;
    local_days day = local_day_of(a) - days(1);
    for (;;) {
        const Instant day_start = to_instant(day);
        if (day_start >= b) return total;
        int weeks = 0;
        if (day_start >= a && b - day_start > one_week) {
            if (std::optional<seconds> length = plain_week_length(day, &weeks)) {
                const long long skip = std::min<long long>(weeks, (b - day_start) / one_week - 1);
                if (skip > 0) {
                    day += days(7 * skip);
                    total += *length * skip;
                    continue;
                }
            }
        }
        spans.clear();
        spans_of(day, spans);
        for (const Span& s : spans) {
            if (s.begin >= b) return total;
            const Instant from = std::max(s.begin, a);
            const Instant to = std::min(s.end, b);
            if (to > from) total += to - from;
        }
        day += days(1);
    }
}

// --- ISO-8601 instants --------------------------------------------------------

std::optional<Instant> parse_instant(std::string_view text) {
    // YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|+HH:MM|-HH:MM)
    auto digits = [&](size_t at, size_t count, int& out) {
        if (at + count > text.size()) return false;
        out = 0;
        for (size_t i = at; i < at + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return false;
            out = out * 10 + (text[i] - '0');
        }
        return true;
    };
    int y, mo, d, h, mi, s = 0;
    if (!digits(0, 4, y) || text.size() < 16 || text[4] != '-' || !digits(5, 2, mo) || text[7] != '-' ||
        !digits(8, 2, d) || (text[10] != 'T' && text[10] != 't' && text[10] != ' ') || !digits(11, 2, h) ||
        text[13] != ':' || !digits(14, 2, mi))
        return std::nullopt;
    size_t at = 16;
    if (at < text.size() && text[at] == ':') {
        if (!digits(at + 1, 2, s)) return std::nullopt;
        at += 3;
        if (at < text.size() && (text[at] == '.' || text[at] == ',')) {
            ++at;
            const size_t first = at;
            while (at < text.size() && is_ascii_digit(text[at])) ++at;
            if (at == first) return std::nullopt;
        }
    }
    if (at >= text.size()) return std::nullopt;   // an instant needs its offset
    int offset_minutes = 0;
    if (text[at] == 'Z' || text[at] == 'z') {
        ++at;
    } else if (text[at] == '+' || text[at] == '-') {
        int oh, om;
        if (!digits(at + 1, 2, oh) || at + 3 >= text.size() || text[at + 3] != ':' || !digits(at + 4, 2, om) ||
            oh > 23 || om > 59)
            return std::nullopt;
        offset_minutes = (text[at] == '-' ? -1 : 1) * (oh * 60 + om);
        at += 6;
    } else {
        return std::nullopt;
    }
    if (at != text.size()) return std::nullopt;
    const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(mo)},
                                   date::day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || h > 23 || mi > 59 || s > 59) return std::nullopt;
    const Instant instant{date::sys_days{ymd}.time_since_epoch() + hours(h) + minutes(mi) + seconds(s) -
                          minutes(offset_minutes)};
    // "0000-01-01T00:30+01:00" is in year -1: it could never be written back.
    if (!has_four_digit_year(instant)) return std::nullopt;
    return instant;
}

bool has_four_digit_year(Instant t) {
    const date::year year = date::year_month_day{date::floor<days>(t)}.year();
    return year >= date::year{0} && year <= date::year{9999};
}

static std::string format_local(date::local_seconds local, seconds offset, bool utc_z) {
    const local_days day = date::floor<days>(local);
    const date::year_month_day ymd{day};
    const date::hh_mm_ss<seconds> time{local - day};
    char buffer[40];
    int length = std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d", static_cast<int>(ymd.year()),
                               static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                               static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                               static_cast<int>(time.seconds().count()));
    if (utc_z) {
        std::snprintf(buffer + length, sizeof buffer - length, "Z");
    } else {
        const long long total = offset.count() / 60;
        const long long magnitude = total < 0 ? -total : total;
        std::snprintf(buffer + length, sizeof buffer - length, "%c%02lld:%02lld", total < 0 ? '-' : '+',
                      magnitude / 60, magnitude % 60);
    }
    return buffer;
}

std::string format_instant(Instant t, const TimeZone* zone) {
    const ZonePeriod period = zone->period_at(t);
    return format_local(date::local_seconds{t.time_since_epoch() + period.offset}, period.offset, false);
}

std::string format_instant_utc(Instant t) {
    return format_local(date::local_seconds{t.time_since_epoch()}, seconds(0), true);
}

}  // namespace core
