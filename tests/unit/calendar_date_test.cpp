#include "core/text/calendar_date.hpp"

#include <doctest/doctest.h>

using core::parse_calendar_date;

TEST_CASE("calendar dates are YYYY-MM-DD of a day the calendar has") {
    CHECK(parse_calendar_date("2026-12-06") == date::year{2026} / 12 / 6);
    CHECK(parse_calendar_date("2024-02-29") == date::year{2024} / 2 / 29);   // a leap year's
    for (const char* wrong : {"2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-12-00",
                              "2026-1-05", "2026/12/06", "+202-12-06", "2026-12-06 ", "", "20261206", "2026-12-0x"}) {
        CAPTURE(wrong);
        CHECK_FALSE(parse_calendar_date(wrong).has_value());
    }
}
