// What each plan promises per severity, as the default program states it
// (seed 001), and schedules given on their own.
#include "core/sla/response_terms.hpp"

#include <doctest/doctest.h>

using namespace core;

namespace {
int minutes_of(const char* plan, int severity) {
    Parsed<ResponseTerms> r = response_terms(default_program(), plan, severity);
    REQUIRE_MESSAGE(r, r.error);
    return r->target ? r->target->minutes : -1;
}
std::string schedule_of(const char* plan, int severity) {
    Parsed<ResponseTerms> r = response_terms(default_program(), plan, severity);
    REQUIRE(r);
    return r->schedule ? r->schedule->id : "";
}
}  // namespace

TEST_CASE("response targets per plan and severity") {
    CHECK(minutes_of("preferred", 1) == 30);
    CHECK(minutes_of("preferred", 2) == 60);
    CHECK(minutes_of("preferred", 3) == 8 * 60);
    CHECK(minutes_of("preferred", 4) == 12 * 60);
    CHECK(minutes_of("enterprise", 1) == 30);
    CHECK(minutes_of("enterprise", 2) == 120);
    CHECK(minutes_of("enterprise", 3) == 12 * 60);
    CHECK(minutes_of("enterprise", 4) == 24 * 60);
    CHECK(minutes_of("standard", 1) == 60);
    CHECK(minutes_of("standard", 2) == 4 * 60);
    CHECK(minutes_of("standard", 3) == 12 * 60);    // one business day of 12 hours
    CHECK(minutes_of("standard", 4) == 24 * 60);    // two business days
}

TEST_CASE("hours the targets count in") {
    for (const char* plan : {"standard", "enterprise", "preferred"}) {
        CAPTURE(plan);
        CHECK(schedule_of(plan, 1) == "around-the-clock");
    }
    CHECK(schedule_of("standard", 2) == "standard-hours");
    CHECK(schedule_of("enterprise", 3) == "weekdays-24h");
    CHECK(schedule_of("preferred", 4) == "weekdays-24h");
}

TEST_CASE("a trial gets Standard; no plan gets no SLA; unknown input is named") {
    Parsed<ResponseTerms> trial = response_terms(default_program(), "trial", 2);
    REQUIRE(trial);
    CHECK(trial->plan->id == "trial");
    CHECK(trial->support->id == "standard");
    CHECK(trial->target->minutes == 240);

    Parsed<ResponseTerms> none = response_terms(default_program(), "none", 1);
    REQUIRE(none);
    CHECK(none->target == nullptr);

    CHECK(response_terms(default_program(), "gold", 1).error == "no plan \"gold\"");
    CHECK(response_terms(default_program(), "standard", 5).error == "no severity 5 (use 1 (Urgent) to 4 (Low))");
}

TEST_CASE("a schedule on its own") {
    Parsed<Schedule> ok = parse_schedule(
        R"({"hours":{"mon":[["06:00","18:00"]],"tue":[],"wed":[],"thu":[],"fri":[],"sat":[],"sun":[]},
            "holidays":["2026-12-25"]})");
    REQUIRE_MESSAGE(ok, ok.error);
    CHECK(ok.value->week[0].size() == 1);
    CHECK(ok.value->holidays == std::vector<std::string>{"2026-12-25"});

    CHECK(parse_schedule(R"({"hours":{"mon":[["18:00","06:00"]],"tue":[],"wed":[],"thu":[],"fri":[],"sat":[],"sun":[]}})")
              .error == "schedule.hours.mon[0]: \"18:00\" to \"06:00\" is not a forward range");
    CHECK(parse_schedule(R"({"hours":{"mon":[],"tue":[],"wed":[],"thu":[],"fri":[],"sat":[],"sun":[]}})").error ==
          "schedule.hours: open at no time of the week");
    CHECK(parse_schedule("[1,2]").error == "schedule: expected an object, got array");
}

TEST_CASE("the promise reads the same wherever it is shown") {
    CHECK(response_promise(*response_terms(default_program(), "standard", 2)) ==
          "Standard Support responds to Severity 2 (High) requests within 4 business hours "
          "(6 AM to 6 PM Monday to Friday, your local time)");
    // A trial gets its support plan's promise, named as that plan.
    CHECK(response_promise(*response_terms(default_program(), "trial", 2)).starts_with("Standard Support responds"));
    CHECK(response_promise(*response_terms(default_program(), "none", 1)) ==
          "Your plan has no response-time target for these requests; support answers as soon as it can");
}
