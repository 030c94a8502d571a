// A ticket's clock put together from its plan's terms, the terms' hours in
// the customer's zone and the moment asked about (seed 001's targets).
#include "core/sla/response_status.hpp"

#include "core/time/zone_catalog.hpp"
#include <doctest/doctest.h>

using namespace core;
using namespace std::chrono_literals;

namespace {
ResponseTerms terms_of(const char* plan, int severity) {
    Parsed<ResponseTerms> terms = response_terms(default_program(), plan, severity);
    REQUIRE_MESSAGE(terms, terms.error);
    return *terms;
}
Instant at(const char* text) {
    std::optional<Instant> t = parse_instant(text);
    REQUIRE(t);
    return *t;
}
}  // namespace

TEST_CASE("standard severity 2: four business hours, counted 6 to 6 on weekdays in the customer's zone") {
    const ResponseTerms terms = terms_of("standard", 2);
    CHECK(response_allowance(terms) == 4h);
    std::optional<BusinessCalendar> berlin = response_calendar(terms, core::locate_zone("Europe/Berlin"));
    REQUIRE(berlin);
    // Filed Friday 16:00 in Berlin: two hours that day, two more from Monday 06:00.
    const Instant opened = at("2026-03-20T16:00:00+01:00");
    CHECK(response_deadline(terms, *berlin, opened) == at("2026-03-23T08:00:00+01:00"));
    std::optional<SlaStatus> saturday = response_status(terms, *berlin, opened, std::nullopt, at("2026-03-21T12:00:00+01:00"));
    REQUIRE(saturday);
    CHECK(saturday->state == SlaState::Paused);
    CHECK(saturday->left == 2h);
    std::optional<SlaStatus> late = response_status(terms, *berlin, opened, std::nullopt, at("2026-03-23T09:00:00+01:00"));
    REQUIRE(late);
    CHECK(late->state == SlaState::Breached);
    CHECK(late->late == 1h);
}

TEST_CASE("no target, no zone: no clock, rather than a made-up deadline") {
    CHECK_FALSE(response_calendar(terms_of("none", 1), core::locate_zone("Europe/Berlin")));
    CHECK_FALSE(response_calendar(terms_of("standard", 1), nullptr));
    const ResponseTerms none = terms_of("none", 2);
    CHECK(response_allowance(none) == 0s);
    const BusinessCalendar any(core::locate_zone("UTC"), *default_program().find_schedule("around-the-clock"));
    CHECK_FALSE(response_status(none, any, at("2026-03-20T16:00:00Z"), std::nullopt, at("2026-03-20T17:00:00Z")));
    CHECK_FALSE(response_deadline(none, any, at("2026-03-20T16:00:00Z")));
}
