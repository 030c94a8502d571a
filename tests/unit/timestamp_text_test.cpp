// Timestamps as pasted into the form: every accepted spelling, the user's
// zone for times without an offset, DST gaps and overlaps, and messages.
#include "core/checks/timestamp_text.hpp"
#include "core/time/zone_catalog.hpp"

#include <doctest/doctest.h>

using namespace core;

namespace {

const core::TimeZone* berlin() { return core::locate_zone("Europe/Berlin"); }

std::string utc(std::string_view text, const core::TimeZone* zone = nullptr) {
    TimestampReading r = read_timestamp(text, zone);
    INFO(r.error);
    REQUIRE(r.instant);
    return format_instant_utc(*r.instant);
}

std::string error_of(std::string_view text, const core::TimeZone* zone = nullptr) {
    TimestampReading r = read_timestamp(text, zone);
    CHECK_FALSE(r.instant);
    return r.error;
}

}  // namespace

TEST_CASE("ISO-8601 with an offset, in its common spellings") {
    for (std::string_view text : {"2024-05-14T07:32:11Z", "2024-05-14T09:32:11+02:00", "2024-05-14 09:32:11+0200",
                                  "2024-05-14t07:32:11z", "2024-05-14T09:32:11.123456+02:00",
                                  "2024-05-14 09:32:11 +02", "2024-05-14T03:32:11-04:00", "2024-05-14 07:32:11 UTC",
                                  "2024-05-14 07:32:11 GMT"}) {
        CAPTURE(text);
        CHECK(utc(text) == "2024-05-14T07:32:11Z");
        CHECK(read_timestamp(text, berlin()).had_zone);
    }
    CHECK(utc("2024-05-14T07:32Z") == "2024-05-14T07:32:00Z");   // seconds are optional
}

TEST_CASE("without an offset the time is read in the user's zone, or UTC without one") {
    TimestampReading r = read_timestamp("2024-05-14 09:32", berlin());
    REQUIRE(r.instant);
    CHECK_FALSE(r.had_zone);
    CHECK(format_instant_utc(*r.instant) == "2024-05-14T07:32:00Z");
    CHECK(utc("2024-05-14 09:32", nullptr) == "2024-05-14T09:32:00Z");
    CHECK(utc("2024-01-14 09:32", berlin()) == "2024-01-14T08:32:00Z");   // winter time
}

TEST_CASE("a date and time with an IANA zone name") {
    TimestampReading r = read_timestamp("2024-05-14 09:32 Europe/Berlin", nullptr);
    REQUIRE(r.instant);
    CHECK(r.had_zone);
    CHECK(format_instant_utc(*r.instant) == "2024-05-14T07:32:00Z");
    CHECK(utc("2024-05-14 09:32 America/New_York", berlin()) == "2024-05-14T13:32:00Z");
    CHECK(error_of("2024-05-14 09:32 Europe/Berln") ==
          "There is no time zone \"Europe/Berln\"; write a zone name like Europe/Berlin or America/New_York, or an "
          "offset like +02:00.");
    CHECK(error_of("2024-05-14 09:32 CESTX") ==
          "Zone abbreviations like \"CESTX\" are ambiguous; write the offset, like +02:00, or the zone name, like "
          "Europe/Berlin.");
}

TEST_CASE("lines pasted from logs") {
    CHECK(utc("14/May/2024:09:32:11 +0200") == "2024-05-14T07:32:11Z");                  // Apache, nginx
    CHECK(utc("[14/May/2024:09:32:11 +0000]") == "2024-05-14T09:32:11Z");
    CHECK(utc("Tue, 14 May 2024 09:32:11 GMT") == "2024-05-14T09:32:11Z");              // HTTP date
    CHECK(utc("14 May 2024 09:32:11 -0700") == "2024-05-14T16:32:11Z");                 // RFC 2822
    CHECK(utc("2024-05-14 09:32:11,123", berlin()) == "2024-05-14T07:32:11Z");          // log4j
    CHECK(utc("\"2024-05-14T09:32:11.5Z\"") == "2024-05-14T09:32:11Z");                 // quoted JSON value
    CHECK(utc("  (2024-05-14T09:32:11Z)\n") == "2024-05-14T09:32:11Z");
}

TEST_CASE("Unix epoch seconds and milliseconds") {
    TimestampReading seconds = read_timestamp("1715679131", berlin());
    REQUIRE(seconds.instant);
    CHECK(seconds.had_zone);   // an epoch time is UTC by definition
    CHECK(format_instant_utc(*seconds.instant) == "2024-05-14T09:32:11Z");
    CHECK(utc("1715679131999") == "2024-05-14T09:32:11Z");
    CHECK(error_of("171567913") ==
          "A Unix time has 10 digits (seconds) or 13 (milliseconds); this one has 9. Or write the date and time, like "
          "2024-05-14 09:32 Europe/Berlin or 2024-05-14T07:32:00Z.");
}

TEST_CASE("a wall-clock time that happens twice takes the first") {
    // 27 Oct 2024 in Berlin: 02:30 CEST (00:30 UTC), then 02:30 CET (01:30 UTC).
    CHECK(utc("2024-10-27 02:30", berlin()) == "2024-10-27T00:30:00Z");
    CHECK(utc("2024-10-27 02:30 Europe/Berlin") == "2024-10-27T00:30:00Z");
    CHECK(utc("2024-10-27 02:30+01:00", berlin()) == "2024-10-27T01:30:00Z");   // the offset decides
}

TEST_CASE("a wall-clock time that never happened is an error, not a guess") {
    CHECK(error_of("2024-03-31 02:30", berlin()) ==
          "02:30 on 2024-03-31 did not happen in Europe/Berlin: the clocks jumped from 02:00 to 03:00. Check the "
          "time, or add the offset, like +02:00.");
    CHECK(error_of("2024-03-10 02:15 America/New_York").starts_with("02:15 on 2024-03-10 did not happen in "
                                                                    "America/New_York"));
}

TEST_CASE("impossible dates and times say which part is wrong") {
    CHECK(error_of("2024-14-05 09:32") ==
          "There is no month 14; write the date as year-month-day, like 2024-05-14 09:32 Europe/Berlin or "
          "2024-05-14T07:32:00Z.");
    CHECK(error_of("2023-02-29 09:32") ==
          "February 2023 has 28 days, so day 29 does not exist; check the date.");
    CHECK(error_of("2024-05-14 25:00") == "The hour goes from 00 to 23; 25 is not a time of day.");
    CHECK(error_of("2024-05-14 09:61") == "Minutes go from 00 to 59; 61 is not a valid minute.");
    CHECK(error_of("2024-05-14") ==
          "Add the time of day after the date, like 2024-05-14 09:32 Europe/Berlin or 2024-05-14T07:32:00Z.");
    CHECK(error_of("2024-05-14 09:32 +25:00") == "Write the offset as +HH:MM or +HHMM, like +02:00; \"+25:00\" is not one.");
    CHECK(error_of("yesterday morning") ==
          "Write the date and time like 2024-05-14 09:32 Europe/Berlin or 2024-05-14T07:32:00Z; \"yesterday "
          "morning\" is not a form this field reads.");
    CHECK(error_of("") == "Enter a date and time, like 2024-05-14 09:32 Europe/Berlin or 2024-05-14T07:32:00Z.");
}

// Found by tests/fuzz/timestamp_fuzz.cpp: "0000-01-1 0:30" read in Berlin is
// year -1 in UTC, which format_instant_utc wrote as "-001-12-31T23:36:32Z",
// a text that did not read back.
TEST_CASE("a time outside the years 0000 to 9999 in UTC is refused, not read into year -1 or 10000") {
    CHECK(error_of("0000-01-01 00:30", berlin()) ==
          "That time is before the year 0000 or after 9999 in UTC; check the year, like 2024-05-14 09:32 "
          "Europe/Berlin or 2024-05-14T07:32:00Z.");
    CHECK_FALSE(read_timestamp("9999-12-31T23:30-01:00", nullptr).instant);
    CHECK(utc("0000-01-01T00:30Z") == "0000-01-01T00:30:00Z");
    CHECK(utc("9999-12-31 23:59:59", nullptr) == "9999-12-31T23:59:59Z");
}
