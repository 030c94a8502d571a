// Words that depend on the clock say when they next read differently, and
// they are exact: the same words until then, other words at that instant.
// The page draws again only at those instants, so an early answer would cost
// frames and a late one would show stale words.
#include "core/model/draft_list.hpp"
#include "core/time/zone_catalog.hpp"
#include "core/text/duration_text.hpp"
#include "core/sla/sla_status.hpp"
#include "core/text/time_text.hpp"

#include <doctest/doctest.h>

#include <functional>

using namespace core;
using namespace std::chrono;

namespace {

Instant at(const char* text) { return *parse_instant(text); }

const BusinessCalendar& berlin_office() {
    static const BusinessCalendar calendar = [] {
        Schedule s;
        for (int d = 0; d < 5; ++d) s.week[d] = {{"06:00", "18:00"}};
        return BusinessCalendar(core::locate_zone("Europe/Berlin"), s);
    }();
    return calendar;
}

// Every second near both ends of [now, change), a sample of the seconds
// between, and the change itself.
void check_exact_change(const std::function<std::string(Instant)>& words, Instant now, std::optional<Instant> change) {
    REQUIRE(change);
    REQUIRE(*change > now);
    const std::string before = words(now);
    const seconds span = *change - now;
    for (seconds k{0}; k < span; k += (k < seconds(120) || span - k <= seconds(120)) ? seconds(1) : seconds(97))
        REQUIRE_MESSAGE(words(now + k) == before, format_instant_utc(now + k), " already reads differently");
    CHECK_MESSAGE(words(*change) != before, format_instant_utc(*change), " still reads \"", before, "\"");
}

std::string badge_words(seconds target, Instant opened, std::optional<Instant> answered, Instant now) {
    const std::optional<SlaStatus> s = sla_status(berlin_office(), target, opened, answered, now);
    if (!s) return "no deadline";
    switch (s->state) {
    case SlaState::Running:
    case SlaState::AtRisk: return std::string(to_string(s->state)) + " " + format_duration(s->left);
    case SlaState::Paused: return "paused until " + format_instant_utc(*s->resumes_at);
    case SlaState::Breached: return "breached " + format_duration(s->late);
    case SlaState::Met:
    case SlaState::MetLate: return std::string(to_string(s->state)) + " " + format_duration(s->response);
    }
    return "";
}

void check_badge(seconds target, Instant opened, Instant now) {
    const std::optional<SlaStatus> status = sla_status(berlin_office(), target, opened, std::nullopt, now);
    REQUIRE(status);
    check_exact_change([&](Instant t) { return badge_words(target, opened, std::nullopt, t); }, now,
                       sla_words_change_at(berlin_office(), *status, now));
}

}  // namespace

TEST_CASE("a running countdown changes on its next whole minute, in the last minute every second") {
    const Instant opened = at("2026-01-05T09:00:17+01:00");   // Monday, an odd second
    check_badge(hours(4), opened, at("2026-01-05T10:00:00+01:00"));   // 3h 0m 17s left: "3h" until 17 s later
    check_badge(hours(4), opened, at("2026-01-05T10:00:17+01:00"));   // exactly 3h: "2h 59m" a second later
    check_badge(hours(4), opened, at("2026-01-05T12:59:20+01:00"));   // at risk, 57 s left
    check_badge(hours(4), opened, at("2026-01-05T13:00:16+01:00"));   // its last second: breached next
}

TEST_CASE("a countdown turns at risk on the second it should, also between two minutes") {
    // 150 minutes: at risk below a quarter, 37m 30s, mid-minute.
    const Instant opened = at("2026-01-05T09:00:00+01:00");
    const Instant deadline = at("2026-01-05T11:30:00+01:00");
    const Instant now = deadline - minutes(37) - seconds(40);   // "37m" left, running
    const std::optional<SlaStatus> status = sla_status(berlin_office(), minutes(150), opened, std::nullopt, now);
    REQUIRE(status->state == SlaState::Running);
    CHECK(sla_words_change_at(berlin_office(), *status, now) == deadline - minutes(37) - seconds(29));
    check_badge(minutes(150), opened, now);
    // Two hours: at risk under 30 minutes.
    check_badge(hours(2), opened, at("2026-01-05T10:29:45+01:00"));
}

TEST_CASE("a countdown pauses when the office closes and resumes when it opens") {
    const Instant opened = at("2026-01-09T16:00:00+01:00");   // Friday, 4 h target
    const Instant now = at("2026-01-09T17:59:30+01:00");
    const std::optional<SlaStatus> status = sla_status(berlin_office(), hours(4), opened, std::nullopt, now);
    CHECK(sla_words_change_at(berlin_office(), *status, now) == at("2026-01-09T18:00:00+01:00"));
    check_badge(hours(4), opened, now);
    // Paused over the weekend: the words hold until Monday 06:00.
    check_badge(hours(4), opened, at("2026-01-10T12:00:00+01:00"));
}

TEST_CASE("a breached countdown grows by the minute, and not at night") {
    const Instant opened = at("2026-01-05T09:00:00+01:00");
    check_badge(hours(4), opened, at("2026-01-05T13:00:30+01:00"));   // 30 s late: every second
    check_badge(hours(4), opened, at("2026-01-05T14:30:12+01:00"));   // "1h 30m late" until 14:31:00
    // Closed at night: "5h late" holds until a minute after the opening.
    const Instant night = at("2026-01-05T22:00:00+01:00");
    const std::optional<SlaStatus> status = sla_status(berlin_office(), hours(4), opened, std::nullopt, night);
    CHECK(sla_words_change_at(berlin_office(), *status, night) == at("2026-01-06T06:01:00+01:00"));
    check_badge(hours(4), opened, night);
}

TEST_CASE("an answered ticket's words never change") {
    const Instant opened = at("2026-01-05T09:00:00+01:00");
    const std::optional<SlaStatus> status = sla_status(berlin_office(), hours(4), opened,
                                                       at("2026-01-05T10:00:00+01:00"), at("2026-01-05T11:00:00+01:00"));
    CHECK_FALSE(sla_words_change_at(berlin_office(), *status, at("2026-01-05T11:00:00+01:00")));
}

TEST_CASE("a weekday time gains its date a day after, and loses it six days before") {
    const Instant t = at("2026-03-27T17:00:00+01:00");
    const auto words = [&](Instant now) { return format_weekday_time(t, nullptr, now); };
    check_exact_change(words, t + hours(3), format_weekday_time_changes_at(t, t + hours(3)));
    check_exact_change(words, t - days(9), format_weekday_time_changes_at(t, t - days(9)));
    CHECK_FALSE(format_weekday_time_changes_at(t, t + days(2)));   // dated for good
}

TEST_CASE("an age's words last until its unit's next step") {
    for (long long s : {0LL, 59LL, 119LL, 120LL, 7199LL, 7200LL, 172799LL, 172800LL, 730LL * 86400 - 1, 730LL * 86400}) {
        const seconds age{s};
        const seconds lasts = duration_text_lasts(age);
        CHECK(lasts > seconds(0));
        CHECK(duration_text(age + lasts - seconds(1)) == duration_text(age));
        CHECK(duration_text(age + lasts) != duration_text(age));
    }
}

TEST_CASE("a draft's \"edited\" words change on their next step and then carry the date") {
    const Instant edited = at("2026-11-20T08:00:00Z");
    const auto words = [&](Instant now) { return edited_text(edited, now, nullptr); };
    for (seconds ago : {seconds(0), seconds(59), seconds(61), seconds(7199), hours(23) + minutes(59) + seconds(30)})
        check_exact_change(words, edited + ago, edited_text_changes_at(edited, edited + ago));
    CHECK_FALSE(edited_text_changes_at(edited, edited + days(2)));
}
