// core::TimeZone against the TZif files of the machine's tzdata, checked
// zone by zone against Howard Hinnant's date/tz reading the same files, and
// against hand-worked answers where date cannot help (POSIX footer rules
// after 2037, broken files).
#include "core/time/time_zone.hpp"
#include "tests/unit/system_zones.hpp"

#include <date/tz.h>
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <random>

namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using namespace date;
using core::LocalTimeMeaning;
using core::TimeZone;

// The file's bytes, or none (the parser then refuses them).
std::string system_zone_bytes(const std::string& name) { return tests::system_zone_file(name).value_or(""); }

TimeZone system_zone(const std::string& name) {
    std::string error;
    std::optional<TimeZone> zone = TimeZone::from_tzif(name, system_zone_bytes(name), &error);
    INFO(error);
    REQUIRE(zone);
    return *zone;
}

sys_seconds utc(sys_days day, seconds time = seconds(0)) { return day + time; }

}  // namespace

TEST_CASE("a zone's periods follow its file, and its POSIX rule after the last transition") {
    const TimeZone berlin = system_zone("Europe/Berlin");
    CHECK(berlin.name() == "Europe/Berlin");
    const core::ZonePeriod summer = berlin.period_at(utc(2026_y / July / 1));
    CHECK(summer.offset == hours(2));
    CHECK(summer.abbreviation == "CEST");
    CHECK(summer.daylight_saving);
    CHECK(summer.begin == utc(2026_y / March / 29, hours(1)));
    CHECK(summer.end == utc(2026_y / October / 25, hours(1)));
    // 2040 lies past the file's transitions: the footer's M3.5.0 and M10.5.0/3 rule.
    const core::ZonePeriod later = berlin.period_at(utc(2040_y / July / 1));
    CHECK(later.offset == hours(2));
    CHECK(later.begin == utc(2040_y / March / 25, hours(1)));
    CHECK(later.end == utc(2040_y / October / 28, hours(1)));
    CHECK(berlin.period_at(utc(2040_y / December / 1)).abbreviation == "CET");
    // Southern hemisphere: daylight saving spans the new year.
    const TimeZone sydney = system_zone("Australia/Sydney");
    const core::ZonePeriod new_year = sydney.period_at(utc(2050_y / January / 1));
    CHECK(new_year.offset == hours(11));
    CHECK(new_year.begin == utc(2049_y / October / 2, hours(16)));   // 02:00 AEST, October's first Sunday
    CHECK(new_year.end == utc(2050_y / April / 2, hours(16)));        // 03:00 AEDT, April's first Sunday
    CHECK(TimeZone::utc().period_at(utc(2026_y / May / 5)).offset == seconds(0));
    CHECK(TimeZone::utc().name() == "UTC");
}

TEST_CASE("a wall-clock time is unique, skipped by spring forward or repeated by fall back") {
    const TimeZone new_york = system_zone("America/New_York");
    const LocalTimeMeaning skipped = new_york.meaning_of(local_days{2026_y / March / 8} + hours(2) + minutes(30));
    CHECK(skipped.kind == LocalTimeMeaning::Skipped);
    CHECK(skipped.first.offset == hours(-5));
    CHECK(skipped.second.offset == hours(-4));
    const LocalTimeMeaning repeated = new_york.meaning_of(local_days{2026_y / November / 1} + hours(1) + minutes(30));
    CHECK(repeated.kind == LocalTimeMeaning::Repeated);
    CHECK(repeated.first.offset == hours(-4));
    CHECK(repeated.second.offset == hours(-5));
    const LocalTimeMeaning plain = new_york.meaning_of(local_days{2026_y / June / 1} + hours(9));
    CHECK(plain.kind == LocalTimeMeaning::Unique);
    CHECK(plain.first.abbreviation == "EDT");
    // After the file's last transition the rule decides the gaps too.
    CHECK(new_york.meaning_of(local_days{2045_y / March / 12} + hours(2) + minutes(30)).kind ==
          LocalTimeMeaning::Skipped);
    CHECK(new_york.meaning_of(local_days{2045_y / November / 5} + hours(1) + minutes(30)).kind ==
          LocalTimeMeaning::Repeated);
}

TEST_CASE("POSIX TZ strings: every form of name, offset and change, and refusals") {
    const auto berlin = TimeZone::parse_rule("CET-1CEST,M3.5.0,M10.5.0/3");
    REQUIRE(berlin);
    CHECK(berlin->standard_offset == hours(1));
    CHECK(berlin->daylight_offset == hours(2));
    CHECK(berlin->end.time == hours(3));
    CHECK(berlin->start.month == 3);
    CHECK(berlin->start.week == 5);
    const auto kolkata = TimeZone::parse_rule("IST-5:30");
    REQUIRE(kolkata);
    CHECK(kolkata->standard_offset == hours(5) + minutes(30));
    CHECK_FALSE(kolkata->has_daylight);
    const auto quoted = TimeZone::parse_rule("<-03>3<-02>,M3.5.0/-2,M10.5.0/-1");
    REQUIRE(quoted);
    CHECK(quoted->standard_abbreviation == "-03");
    CHECK(quoted->start.time == hours(-2));
    const auto jerusalem = TimeZone::parse_rule("IST-2IDT,M3.4.4/26,M10.5.0");
    REQUIRE(jerusalem);
    CHECK(jerusalem->start.time == hours(26));
    const auto julian = TimeZone::parse_rule("AAA3BBB,J60/2,300");
    REQUIRE(julian);
    CHECK(julian->start.kind == TimeZone::Rule::Change::JulianNoLeap);
    CHECK(julian->end.kind == TimeZone::Rule::Change::ZeroBasedDay);
    CHECK(julian->daylight_offset == hours(-2));
    const auto us_default = TimeZone::parse_rule("EST5EDT");
    REQUIRE(us_default);
    CHECK(us_default->start.month == 3);
    CHECK(us_default->end.month == 11);
    for (const char* bad : {"", "C-1", "CET", "CET-1CEST,M13.1.0,M10.5.0", "CET-1CEST,M3.5.0", "<+05", "CET-1CEST,M3.6.0,M10.5.0",
                            "CET-1CEST,M3.5.7,M10.5.0", "CET-25", "CET-1CEST,J0,J100", "CET-1CEST,M3.5.0,M10.5.0/168",
                            "CET-1CEST,M3.5.0,M10.5.0x", "CET-1:60"}) {
        INFO(bad);
        CHECK_FALSE(TimeZone::parse_rule(bad));
    }
}

TEST_CASE("a file that is not TZif, or is cut short or corrupted, is refused with a reason, never read past") {
    std::string error;
    CHECK_FALSE(TimeZone::from_tzif("Nowhere/Empty", "", &error));
    CHECK(error.find("Nowhere/Empty") != std::string::npos);
    CHECK(error.find("TZif header") != std::string::npos);
    CHECK_FALSE(TimeZone::from_tzif("Nowhere/Text", "<html>not found</html>", &error));
    const std::string berlin = system_zone_bytes("Europe/Berlin");
    for (size_t length = 0; length < berlin.size(); ++length) {
        INFO(length);
        CHECK_FALSE(TimeZone::from_tzif("Europe/Berlin", berlin.substr(0, length), &error));
    }
    // Flipped bytes either read as some zone or are refused; neither crashes.
    std::mt19937 random(15);
    for (int round = 0; round < 2000; ++round) {
        std::string damaged = berlin;
        for (int flips = 0; flips < 3; ++flips)
            damaged[random() % damaged.size()] = static_cast<char>(random());
        const std::optional<TimeZone> zone = TimeZone::from_tzif("Europe/Berlin", damaged, &error);
        if (zone) (void)zone->meaning_of(local_days{2030_y / March / 31} + hours(2));
    }
}

TEST_CASE("every zone of the machine's tzdata agrees with date/tz up to 2037") {
    int zones_checked = 0;
    for (const date::time_zone& reference : date::get_tzdb().zones) {
        const std::string name{reference.name()};
        if (name.rfind("posix", 0) == 0 || name.rfind("right", 0) == 0) continue;
        const std::string bytes = system_zone_bytes(name);
        if (bytes.empty()) continue;
        INFO(name);
        const TimeZone zone = system_zone(name);
        ++zones_checked;
        // Each of date's periods from 1900 to 2037: both sides of its start,
        // and wall times either side of every change.
        for (sys_seconds t = sys_days{1900_y / January / 1}; t < sys_days{2037_y / January / 1};) {
            const date::sys_info expected = reference.get_info(t);
            const core::ZonePeriod actual = zone.period_at(t);
            CHECK(actual.offset == expected.offset);
            CHECK(actual.abbreviation == expected.abbrev);
            if (expected.end >= sys_days{2037_y / January / 1}) break;
            const date::sys_info next = reference.get_info(expected.end);
            for (const seconds delta : std::initializer_list<seconds>{hours(-3), minutes(-30), seconds(-1), seconds(0), seconds(1), minutes(30), hours(3)}) {
                const local_seconds local{expected.end.time_since_epoch() + next.offset + delta};
                const date::local_info want = reference.get_info(local);
                const LocalTimeMeaning got = zone.meaning_of(local);
                CHECK(static_cast<int>(got.kind) == want.result);
                CHECK(got.first.offset == want.first.offset);
                if (want.result != date::local_info::unique) CHECK(got.second.offset == want.second.offset);
            }
            t = expected.end;
        }
    }
    CHECK(zones_checked > 300);
}

TEST_CASE("the zone catalog reads a name's file once, never a path a client could steer, and forgets unknown names") {
    std::vector<std::string> asked;
    core::read_zones_with([&](const std::string& name) -> std::optional<std::string> {
        asked.push_back(name);
        if (name == "Pacific/Chatham") return system_zone_bytes(name);   // no other test reads it
        return std::nullopt;
    });
    const core::TimeZone* chatham = core::locate_zone("Pacific/Chatham");
    REQUIRE(chatham);
    CHECK(chatham->period_at(utc(2026_y / July / 1)).offset == hours(12) + minutes(45));
    CHECK(core::locate_zone("Pacific/Chatham") == chatham);   // kept: read once
    CHECK(core::locate_zone("UTC") == &TimeZone::utc());    // always there, no file
    for (const char* hostile : {"../../etc/passwd", "/etc/passwd", "Europe/../../etc/shadow", "Europe//Berlin",
                                "Europe/Berlin/", "Europe/Ber lin", "Europe\\Berlin", ".", ""}) {
        INFO(hostile);
        CHECK_FALSE(core::is_zone_name_shape(hostile));
        CHECK_FALSE(core::locate_zone(hostile));
    }
    CHECK(core::is_zone_name_shape("America/Argentina/Buenos_Aires"));
    CHECK(core::is_zone_name_shape("Etc/GMT+5"));
    // An unknown name is asked again: what clients send is not remembered.
    CHECK_FALSE(core::locate_zone("Mars/Olympus_Mons"));
    CHECK_FALSE(core::locate_zone("Mars/Olympus_Mons"));
    CHECK(asked == std::vector<std::string>{"Pacific/Chatham", "Mars/Olympus_Mons", "Mars/Olympus_Mons"});
    // A zone handed over (as the browser does) is kept; an earlier one of that name stays.
    const core::TimeZone* kept = core::keep_zone(system_zone("Pacific/Marquesas"));
    CHECK(core::locate_zone("Pacific/Marquesas") == kept);
    CHECK(core::keep_zone(system_zone("Pacific/Marquesas")) == kept);
    tests::read_system_zones();   // as every other test expects
}

TEST_CASE("a folder of zones such as Europe is not a zone, and reading it never throws") {
    // The machine's reader, as the service's: "Europe" has a zone's shape.
    for (const char* folder : {"Europe", "America", "America/Argentina", "Etc"}) {
        INFO(folder);
        CHECK(core::is_zone_name_shape(folder));
        CHECK_FALSE(core::locate_zone(folder));
        CHECK_FALSE(core::is_zone_name(folder));
    }
    // When the shell lists the zones, a name not on the list never reaches its reader.
    std::vector<std::string> asked;
    core::read_zones_with([&](const std::string& name) -> std::optional<std::string> {
        asked.push_back(name);
        return system_zone_bytes(name);
    });
    core::set_zone_names({"Asia/Kathmandu", "UTC"});
    CHECK_FALSE(core::locate_zone("Europe"));
    CHECK_FALSE(core::locate_zone("Antarctica/Vostok"));   // no other test reads it
    CHECK(core::locate_zone("Asia/Kathmandu"));
    CHECK(asked == std::vector<std::string>{"Asia/Kathmandu"});
    core::set_zone_names({});
    tests::read_system_zones();
}
