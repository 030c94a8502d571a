// The SLA clock: business hours in real time zones, checked against the
// conventions of issue 3 (worked examples first) and against a brute-force
// minute-by-minute count.
#include "core/sla/business_calendar.hpp"
#include "core/time/zone_catalog.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace core;
using namespace std::chrono;

namespace {

Schedule weekly(std::vector<TimeRange> weekdays, std::vector<TimeRange> weekend = {}) {
    Schedule s;
    s.id = "test";
    s.name = "test";
    for (int d = 0; d < 5; ++d) s.week[d] = weekdays;
    s.week[5] = weekend;
    s.week[6] = weekend;
    return s;
}

Schedule office() { return weekly({{"06:00", "18:00"}}); }
Schedule weekdays_all_day() { return weekly({{"00:00", "24:00"}}); }
Schedule around_the_clock() { return weekly({{"00:00", "24:00"}}, {{"00:00", "24:00"}}); }

Instant at(const char* text) {
    auto t = parse_instant(text);
    REQUIRE_MESSAGE(t.has_value(), text);
    return *t;
}

std::string add_in(const char* zone, const Schedule& s, const char* start, int minutes_amount) {
    const core::TimeZone* tz = core::locate_zone(zone);
    BusinessCalendar calendar(tz, s);
    auto result = calendar.add(at(start), minutes(minutes_amount));
    REQUIRE(result.has_value());
    return format_instant(*result, tz);
}

seconds elapsed_in(const char* zone, const Schedule& s, const char* a, const char* b) {
    BusinessCalendar calendar(core::locate_zone(zone), s);
    return calendar.elapsed(at(a), at(b));
}

// Brute force: count open minutes one by one (only for starts on whole minutes).
seconds slow_elapsed(const BusinessCalendar& c, Instant a, Instant b) {
    seconds total{0};
    for (Instant t = a; t < b; t += minutes(1))
        if (c.is_open(t)) total += std::min<seconds>(minutes(1), b - t);
    return total;
}

}  // namespace

TEST_CASE("worked examples from the issue") {
    CHECK(add_in("Europe/Berlin", office(), "2026-03-27T17:00:00+01:00", 240) == "2026-03-30T09:00:00+02:00");
    CHECK(add_in("America/New_York", weekdays_all_day(), "2026-10-30T23:00:00-04:00", 120) ==
          "2026-11-02T01:00:00-05:00");
    CHECK(add_in("America/New_York", office(), "2026-01-05T06:00:00-05:00", 720) == "2026-01-05T18:00:00-05:00");
    CHECK(elapsed_in("Europe/Berlin", office(), "2026-03-27T17:00:00+01:00", "2026-03-30T07:00:00+02:00") ==
          seconds(7200));
}

TEST_CASE("the deadline is the first instant the remaining time reaches zero") {
    // Ending exactly at a closing time stays on that day.
    CHECK(add_in("Europe/Berlin", office(), "2026-01-05T06:00:00+01:00", 720) == "2026-01-05T18:00:00+01:00");
    // One minute more runs over into the next opening.
    CHECK(add_in("Europe/Berlin", office(), "2026-01-05T06:00:00+01:00", 721) == "2026-01-06T06:01:00+01:00");
    // Friday close to Monday.
    CHECK(add_in("Europe/Berlin", office(), "2026-01-09T17:30:00+01:00", 60) == "2026-01-12T06:30:00+01:00");
}

TEST_CASE("add zero is the next business moment at or after the start") {
    CHECK(add_in("Europe/Berlin", office(), "2026-01-05T10:00:00+01:00", 0) == "2026-01-05T10:00:00+01:00");
    CHECK(add_in("Europe/Berlin", office(), "2026-01-05T18:00:00+01:00", 0) == "2026-01-06T06:00:00+01:00");
    CHECK(add_in("Europe/Berlin", office(), "2026-01-10T12:00:00+01:00", 0) == "2026-01-12T06:00:00+01:00");
    CHECK(add_in("Europe/Berlin", office(), "2026-01-05T06:00:00+01:00", 0) == "2026-01-05T06:00:00+01:00");
}

TEST_CASE("starts outside hours, on openings and on closings") {
    CHECK(add_in("America/New_York", office(), "2026-01-05T03:00:00-05:00", 60) == "2026-01-05T07:00:00-05:00");
    CHECK(add_in("America/New_York", office(), "2026-01-05T18:00:00-05:00", 60) == "2026-01-06T07:00:00-05:00");
    CHECK(add_in("America/New_York", office(), "2026-01-05T17:59:00-05:00", 2) == "2026-01-06T06:01:00-05:00");
    CHECK(add_in("America/New_York", office(), "2026-01-10T09:00:00-05:00", 30) == "2026-01-12T06:30:00-05:00");
}

TEST_CASE("spring forward") {
    SUBCASE("New York, 24h weekdays across the night the clocks jump (Sunday 8 March 2026)") {
        // Sunday closed; the jump does not touch business time here.
        CHECK(add_in("America/New_York", weekdays_all_day(), "2026-03-06T23:00:00-05:00", 120) ==
              "2026-03-09T01:00:00-04:00");
    }
    SUBCASE("around the clock, the 23-hour day") {
        BusinessCalendar c(core::locate_zone("America/New_York"), around_the_clock());
        CHECK(c.elapsed(at("2026-03-08T00:00:00-05:00"), at("2026-03-09T00:00:00-04:00")) == hours(23));
        CHECK(format_instant(*c.add(at("2026-03-08T01:30:00-05:00"), minutes(60)), c.zone()) ==
              "2026-03-08T03:30:00-04:00");
    }
    SUBCASE("an opening that does not exist moves forward by the gap") {
        Schedule s = weekly({}, {});
        s.week[6] = {{"02:30", "05:00"}};   // Sunday
        BusinessCalendar c(core::locate_zone("America/New_York"), s);
        // 02:30 is skipped on 8 March 2026: the day opens at 03:30 EDT.
        CHECK(format_instant(*c.next_open(at("2026-03-08T00:00:00-05:00")), c.zone()) ==
              "2026-03-08T03:30:00-04:00");
        CHECK(c.elapsed(at("2026-03-08T00:00:00-05:00"), at("2026-03-09T00:00:00-04:00")) == minutes(90));
    }
    SUBCASE("Europe/Berlin, 29 March 2026") {
        BusinessCalendar c(core::locate_zone("Europe/Berlin"), around_the_clock());
        CHECK(c.elapsed(at("2026-03-29T00:00:00+01:00"), at("2026-03-30T00:00:00+02:00")) == hours(23));
    }
    SUBCASE("Australia/Sydney, 4 October 2026") {
        BusinessCalendar c(core::locate_zone("Australia/Sydney"), around_the_clock());
        CHECK(c.elapsed(at("2026-10-04T00:00:00+10:00"), at("2026-10-05T00:00:00+11:00")) == hours(23));
        CHECK(format_instant(*c.add(at("2026-10-04T01:00:00+10:00"), minutes(120)), c.zone()) ==
              "2026-10-04T04:00:00+11:00");
    }
}

TEST_CASE("fall back") {
    SUBCASE("around the clock, the 25-hour day") {
        BusinessCalendar c(core::locate_zone("America/New_York"), around_the_clock());
        CHECK(c.elapsed(at("2026-11-01T00:00:00-04:00"), at("2026-11-02T00:00:00-05:00")) == hours(25));
        CHECK(format_instant(*c.add(at("2026-11-01T00:30:00-04:00"), minutes(120)), c.zone()) ==
              "2026-11-01T01:30:00-05:00");
    }
    SUBCASE("an ambiguous opening takes its first occurrence") {
        Schedule s = weekly({}, {});
        s.week[6] = {{"01:30", "03:00"}};   // Sunday 1 November 2026, 01:30 happens twice
        BusinessCalendar c(core::locate_zone("America/New_York"), s);
        CHECK(format_instant(*c.next_open(at("2026-11-01T00:00:00-04:00")), c.zone()) ==
              "2026-11-01T01:30:00-04:00");
        // 01:30 EDT to 03:00 EST is two and a half real hours.
        CHECK(c.elapsed(at("2026-11-01T00:00:00-04:00"), at("2026-11-02T00:00:00-05:00")) == minutes(150));
    }
    SUBCASE("Europe/Berlin, 25 October 2026") {
        BusinessCalendar c(core::locate_zone("Europe/Berlin"), around_the_clock());
        CHECK(c.elapsed(at("2026-10-25T00:00:00+02:00"), at("2026-10-26T00:00:00+01:00")) == hours(25));
    }
    SUBCASE("Australia/Sydney, 5 April 2026") {
        BusinessCalendar c(core::locate_zone("Australia/Sydney"), around_the_clock());
        CHECK(c.elapsed(at("2026-04-05T00:00:00+11:00"), at("2026-04-06T00:00:00+10:00")) == hours(25));
    }
}

TEST_CASE("half-hour offsets: Asia/Kolkata") {
    CHECK(add_in("Asia/Kolkata", office(), "2026-01-05T17:30:00+05:30", 60) == "2026-01-06T06:30:00+05:30");
    CHECK(elapsed_in("Asia/Kolkata", office(), "2026-01-05T00:00:00Z", "2026-01-05T12:30:00Z") ==
          hours(12));   // 05:30 to 18:00 local covers the whole 06:00-18:00 day
}

TEST_CASE("holidays and breaks") {
    Schedule s = office();
    s.holidays = {"2026-12-25"};
    s.breaks = {{"2026-12-24", "12:00", "18:00"}};
    const core::TimeZone* tz = core::locate_zone("Europe/Berlin");
    BusinessCalendar c(tz, s);
    // Thursday 24 Dec closes at noon, Friday 25 Dec is a holiday: Monday 28th.
    CHECK(format_instant(*c.add(at("2026-12-24T11:00:00+01:00"), minutes(120)), tz) == "2026-12-28T07:00:00+01:00");
    CHECK_FALSE(c.is_open(at("2026-12-25T10:00:00+01:00")));
    CHECK_FALSE(c.is_open(at("2026-12-24T12:00:00+01:00")));
    CHECK(c.is_open(at("2026-12-24T11:59:59+01:00")));
    CHECK(format_instant(*c.next_close(at("2026-12-24T08:00:00+01:00")), tz) == "2026-12-24T12:00:00+01:00");
    CHECK(format_instant(*c.next_open(at("2026-12-24T13:00:00+01:00")), tz) == "2026-12-28T06:00:00+01:00");
    CHECK(c.elapsed(at("2026-12-21T00:00:00+01:00"), at("2026-12-28T00:00:00+01:00")) == hours(12 * 3 + 6));
}

TEST_CASE("a break in the middle of a day splits it") {
    Schedule s = office();
    s.breaks = {{"2026-01-07", "13:00", "14:00"}, {"2026-01-07", "09:00", "10:00"}};
    BusinessCalendar c(core::locate_zone("UTC"), s);
    CHECK(c.elapsed(at("2026-01-07T00:00:00Z"), at("2026-01-08T00:00:00Z")) == hours(10));
    CHECK(format_instant_utc(*c.next_close(at("2026-01-07T10:00:00Z"))) == "2026-01-07T13:00:00Z");
    CHECK(format_instant_utc(*c.add(at("2026-01-07T08:30:00Z"), minutes(60))) == "2026-01-07T10:30:00Z");
}

TEST_CASE("touching intervals act as one span, also across midnight") {
    Schedule s = weekly({{"00:00", "06:00"}, {"06:00", "12:00"}, {"18:00", "24:00"}});
    BusinessCalendar c(core::locate_zone("UTC"), s);
    // Monday 18:00 runs through Tuesday 12:00.
    CHECK(format_instant_utc(*c.next_close(at("2026-01-05T19:00:00Z"))) == "2026-01-06T12:00:00Z");
    CHECK(c.is_open(at("2026-01-06T00:00:00Z")));
    CHECK(c.is_open(at("2026-01-06T06:00:00Z")));
}

TEST_CASE("around the clock never closes; severity 1 runs through weekends") {
    BusinessCalendar c(core::locate_zone("Europe/Berlin"), around_the_clock());
    CHECK_FALSE(c.next_close(at("2026-06-06T12:00:00+02:00")).has_value());
    CHECK(format_instant(*c.add(at("2026-06-06T23:45:00+02:00"), minutes(30)), c.zone()) ==
          "2026-06-07T00:15:00+02:00");
}

TEST_CASE("30 business days") {
    const core::TimeZone* tz = core::locate_zone("America/New_York");
    BusinessCalendar c(tz, office());
    // 30 business days of 12 hours from Monday 2 Feb 2026 06:00: six whole
    // weeks, ending Friday 13 March 18:00 (the DST change on 8 March is on a Sunday).
    const Instant start = at("2026-02-02T06:00:00-05:00");
    const auto deadline = c.add(start, minutes(30 * 12 * 60));
    REQUIRE(deadline);
    CHECK(format_instant(*deadline, tz) == "2026-03-13T18:00:00-04:00");
    CHECK(c.elapsed(start, *deadline) == minutes(30 * 12 * 60));
}

TEST_CASE("round trips and agreement with a minute-by-minute count") {
    std::mt19937 random(20261123);
    const char* zones[] = {"America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata"};
    Schedule with_holes = office();
    with_holes.holidays = {"2026-03-30", "2026-10-26", "2026-11-03"};
    with_holes.breaks = {{"2026-03-31", "10:00", "11:30"}, {"2026-10-28", "06:00", "07:00"}};
    const Schedule schedules[] = {office(), weekdays_all_day(), around_the_clock(), with_holes};
    const Instant base = at("2026-03-20T00:00:00Z");
    for (int i = 0; i < 400; ++i) {
        const core::TimeZone* tz = core::locate_zone(zones[random() % 4]);
        BusinessCalendar c(tz, schedules[random() % 4]);
        // Starts cluster around the DST changes of spring and autumn.
        const Instant start = base + minutes(random() % (60 * 24 * 14)) + days(i % 2 ? 0 : 214);
        const minutes amount(random() % (60 * 24 * 3));
        const auto deadline = c.add(start, amount);
        REQUIRE(deadline);
        CAPTURE(format_instant(start, tz));
        CAPTURE(amount.count());
        CHECK(c.elapsed(start, *deadline) == amount);
        if (i % 20 == 0) CHECK(slow_elapsed(c, start, *deadline) == amount);
        if (amount > minutes(0)) CHECK(c.elapsed(start, *deadline - seconds(1)) < amount);
    }
}

TEST_CASE("ISO-8601 instants") {
    CHECK(format_instant_utc(at("2026-03-27T17:00:00+01:00")) == "2026-03-27T16:00:00Z");
    CHECK(format_instant_utc(at("2026-03-27T17:00Z")) == "2026-03-27T17:00:00Z");
    CHECK(format_instant_utc(at("2026-03-27T17:00:00.123-05:30")) == "2026-03-27T22:30:00Z");
    CHECK_FALSE(parse_instant("2026-03-27T17:00:00"));         // no offset
    CHECK_FALSE(parse_instant("2026-02-30T17:00:00Z"));        // no such date
    CHECK_FALSE(parse_instant("2026-03-27T24:00:00Z"));
    CHECK_FALSE(parse_instant("2026-03-27T17:00:00+01:00x"));
    CHECK_FALSE(parse_instant(""));
    // Found by fuzzing: an offset that moves the instant out of a four-digit
    // year made a value format_instant_utc wrote and parse_instant refused.
    CHECK_FALSE(parse_instant("0000-01-01T00:30:00+01:00"));
    CHECK_FALSE(parse_instant("9999-12-31T23:30:00-01:00"));
    CHECK(format_instant_utc(at("0000-01-01T00:30:00-01:00")) == "0000-01-01T01:30:00Z");
}
