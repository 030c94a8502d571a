#include "core/text/time_text.hpp"

#include <array>
#include <cstdio>

namespace core {

namespace {

constexpr std::array<const char*, 7> weekday_names = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<const char*, 12> month_names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct LocalParts {
    date::year_month_day ymd;
    date::weekday weekday;
    int hour, minute;
    std::string abbreviation;
};

LocalParts local_parts(Instant t, const core::TimeZone* zone) {
    const ZonePeriod period = (zone ? *zone : TimeZone::utc()).period_at(t);
    const date::local_seconds local{t.time_since_epoch() + period.offset};
    const date::local_days day = date::floor<date::days>(local);
    const date::hh_mm_ss<std::chrono::seconds> time{local - day};
    return {date::year_month_day{day}, date::weekday{day}, static_cast<int>(time.hours().count()),
            static_cast<int>(time.minutes().count()), period.abbreviation};
}

// "Mon 06:00" without a date from a day before `now` to six days after it.
constexpr std::chrono::hours within_past{24};
constexpr std::chrono::hours within_coming{24 * 6};

}  // namespace

std::optional<Instant> format_weekday_time_changes_at(Instant t, Instant now) {
    if (now > t + within_past) return std::nullopt;                                   // dated for good
    if (t >= now + within_coming) return t - within_coming + std::chrono::seconds(1);   // loses its date
    return t + within_past + std::chrono::seconds(1);                                 // gains its date
}

std::string format_weekday_time(Instant t, const core::TimeZone* zone, Instant now) {
    const LocalParts p = local_parts(t, zone);
    char buffer[64];
    const bool this_week = t >= now - within_past && t < now + within_coming;
    if (this_week)
        std::snprintf(buffer, sizeof buffer, "%s %02d:%02d", weekday_names[p.weekday.c_encoding()], p.hour, p.minute);
    else
        std::snprintf(buffer, sizeof buffer, "%s %u %s, %02d:%02d", weekday_names[p.weekday.c_encoding()],
                      static_cast<unsigned>(p.ymd.day()), month_names[static_cast<unsigned>(p.ymd.month()) - 1],
                      p.hour, p.minute);
    return buffer;
}

std::string format_full(Instant t, const core::TimeZone* zone) {
    const LocalParts p = local_parts(t, zone);
    char buffer[80];
    std::snprintf(buffer, sizeof buffer, "%s %u %s %d, %02d:%02d %s", weekday_names[p.weekday.c_encoding()],
                  static_cast<unsigned>(p.ymd.day()), month_names[static_cast<unsigned>(p.ymd.month()) - 1],
                  static_cast<int>(p.ymd.year()), p.hour, p.minute, p.abbreviation.c_str());
    return buffer;
}

}  // namespace core
