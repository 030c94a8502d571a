// A ticket's standing against its target, as the countdown badge shows it.
#include "core/sla/sla_status.hpp"
#include "core/time/zone_catalog.hpp"

#include <doctest/doctest.h>

using namespace core;
using namespace std::chrono;

namespace {
Schedule office() {
    Schedule s;
    for (int d = 0; d < 5; ++d) s.week[d] = {{"06:00", "18:00"}};
    return s;
}
Instant at(const char* text) { return *parse_instant(text); }
const BusinessCalendar& berlin_office() {
    static BusinessCalendar c(core::locate_zone("Europe/Berlin"), office());
    return c;
}
}  // namespace

TEST_CASE("running, at risk, paused, breached") {
    const auto& c = berlin_office();
    const Instant opened = at("2026-01-05T09:00:00+01:00");   // Monday, Standard severity 2: 4 business hours
    auto running = sla_status(c, hours(4), opened, std::nullopt, at("2026-01-05T10:00:00+01:00"));
    REQUIRE(running);
    CHECK(running->state == SlaState::Running);
    CHECK(running->left == hours(3));
    CHECK(format_instant(running->deadline, c.zone()) == "2026-01-05T13:00:00+01:00");

    auto at_risk = sla_status(c, hours(4), opened, std::nullopt, at("2026-01-05T12:10:00+01:00"));
    CHECK(at_risk->state == SlaState::AtRisk);   // 50 min left of 4 h: under a quarter
    CHECK(at_risk->left == minutes(50));

    // Opened Friday 17:00, 4 h target: paused over the weekend with 3 h left.
    auto paused = sla_status(c, hours(4), at("2026-01-09T17:00:00+01:00"), std::nullopt,
                             at("2026-01-10T12:00:00+01:00"));
    CHECK(paused->state == SlaState::Paused);
    CHECK(paused->left == hours(3));
    CHECK(format_instant(*paused->resumes_at, c.zone()) == "2026-01-12T06:00:00+01:00");

    auto breached = sla_status(c, hours(4), opened, std::nullopt, at("2026-01-05T14:30:00+01:00"));
    CHECK(breached->state == SlaState::Breached);
    CHECK(breached->late == minutes(90));
}

TEST_CASE("met in time and late; automated replies are not responses") {
    const auto& c = berlin_office();
    const Instant opened = at("2026-01-05T09:00:00+01:00");
    auto met = sla_status(c, hours(4), opened, at("2026-01-05T10:15:00+01:00"), at("2026-01-07T10:00:00+01:00"));
    CHECK(met->state == SlaState::Met);
    CHECK(met->response == minutes(75));

    auto late = sla_status(c, hours(1), opened, at("2026-01-05T10:30:00+01:00"), at("2026-01-07T10:00:00+01:00"));
    CHECK(late->state == SlaState::MetLate);
    CHECK(late->late == minutes(30));
}

TEST_CASE("a ticket opened outside hours is paused until the opening, with its full target left") {
    const auto& c = berlin_office();
    auto status = sla_status(c, hours(1), at("2026-01-05T03:00:00+01:00"), std::nullopt,
                             at("2026-01-05T04:00:00+01:00"));
    CHECK(status->state == SlaState::Paused);
    CHECK(status->left == hours(1));
}

TEST_CASE("durations as people read them") {
    CHECK(format_duration(hours(3) + minutes(12)) == "3h 12m");
    CHECK(format_duration(hours(2)) == "2h");
    CHECK(format_duration(minutes(12) + seconds(5)) == "12m");
    CHECK(format_duration(minutes(1)) == "1m");
    CHECK(format_duration(seconds(59)) == "59s");
    CHECK(format_duration(seconds(45)) == "45s");
    CHECK(format_duration(seconds(-5)) == "0s");
    CHECK(format_duration(hours(26) + minutes(1)) == "26h 1m");
}

#include "core/text/time_text.hpp"

TEST_CASE("instants as people read them") {
    const core::TimeZone* berlin = core::locate_zone("Europe/Berlin");
    const Instant now = at("2026-03-27T17:00:00+01:00");   // Friday
    CHECK(format_weekday_time(at("2026-03-30T06:00:00+02:00"), berlin, now) == "Mon 06:00");
    CHECK(format_weekday_time(at("2026-04-08T06:00:00+02:00"), berlin, now) == "Wed 8 Apr, 06:00");
    CHECK(format_full(at("2026-03-30T09:00:00+02:00"), berlin) == "Mon 30 Mar 2026, 09:00 CEST");
    CHECK(format_full(at("2026-03-30T07:00:00Z"), core::locate_zone("Asia/Kolkata")) == "Mon 30 Mar 2026, 12:30 IST");
}

TEST_CASE("without a loaded zone, times read as UTC") {
    CHECK(format_full(at("2026-03-30T07:00:00Z"), nullptr) == "Mon 30 Mar 2026, 07:00 UTC");
}
