// SLA engine benchmark: deadlines per second for core::BusinessCalendar::add.
// One source for both builds: g++ (native) and em++ (WASM under Node, reading
// the real /usr/share/zoneinfo through NODERAWFS, for core::TimeZone).
//
//   sla-bench [--starts N] [--min-seconds S]   time the built-in cases
//   sla-bench --cases [--starts N]             print the built-in case document
//   sla-bench --eval  < document               answer each case of a document
//   sla-bench --time  [--min-seconds S] < document   time a document's cases
//
// A case document is one JSON object:
//   {"schedules": [{"id", "hours", "holidays", ...} as in core/program/program.json],
//    "cases": [{"id": 0, "zone": "Europe/Berlin", "schedule": "standard-hours",
//               "start": "2026-03-27T16:00:00Z", "minutes": 240}, ...]}
// Timing prints one JSON line; --eval prints one JSON line per case:
//   {"id": 0, "deadline": "2026-03-30T07:00:00Z", "epoch": 1774854000}
// ("deadline" and "epoch" are null when the calendar never opens).
#include "core/sla/business_calendar.hpp"
#include "core/program/program.hpp"
#include "tests/unit/system_zones.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

using nlohmann::json;
using std::chrono::seconds;

// --- the built-in cases -------------------------------------------------------

const int target_minutes[] = {30, 60, 240, 480, 720, 1440, 2880, 30 * 12 * 60};
const char* const zones[] = {"America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata"};

json week_of(const char* from, const char* to, bool weekend) {
    json hours = json::object();
    for (int day = 0; day < 7; ++day) {
        const bool open = day < 5 || weekend;
        hours[std::string(core::weekday_keys[day])] = open ? json::array({json::array({from, to})}) : json::array();
    }
    return hours;
}

json builtin_schedules() {
    json schedules = json::array();
    schedules.push_back({{"id", "standard-hours"}, {"name", "06:00-18:00 Monday to Friday"},
                         {"hours", week_of("06:00", "18:00", false)}, {"holidays", json::array()}});
    schedules.push_back({{"id", "weekdays-24h"}, {"name", "24 hours Monday to Friday"},
                         {"hours", week_of("00:00", "24:00", false)}, {"holidays", json::array()}});
    schedules.push_back({{"id", "around-the-clock"}, {"name", "24 hours, 7 days"},
                         {"hours", week_of("00:00", "24:00", true)}, {"holidays", json::array()}});
    // Standard hours with a year of public holidays (local dates in each zone);
    // 30 business days from late December reach into February 2027.
    schedules.push_back({{"id", "standard-holidays"}, {"name", "06:00-18:00 Monday to Friday with holidays"},
                         {"hours", week_of("06:00", "18:00", false)},
                         {"holidays", {"2026-01-01", "2026-01-19", "2026-04-03", "2026-04-06", "2026-05-01",
                                       "2026-05-25", "2026-07-03", "2026-08-15", "2026-10-03", "2026-11-26",
                                       "2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31", "2027-01-01"}}});
    return schedules;
}

// splitmix64: a fixed, portable sequence, so every build sees the same starts.
// Starts fall on whole minutes: moment-business-time, which sla_compare.mjs
// checks the answers against, miscounts part minutes where open spans touch
// across midnight (sla_compare.mjs reports that on second-precision starts).
struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
};

json builtin_document(int starts) {
    json doc = {{"schedules", builtin_schedules()}, {"cases", json::array()}};
    SplitMix64 random{2026};
    const core::Instant year_start = date::sys_days{date::year{2026} / 1 / 1};
    const long long year_minutes = 365LL * 24 * 60;
    int id = 0;
    for (int minutes : target_minutes)
        for (const json& schedule : doc["schedules"])
            for (const char* zone : zones)
                for (int i = 0; i < starts; ++i) {
                    const core::Instant start =
                        year_start + std::chrono::minutes(static_cast<long long>(random.next() % year_minutes));
                    doc["cases"].push_back({{"id", id++}, {"zone", zone}, {"schedule", schedule["id"]},
                                            {"start", core::format_instant_utc(start)}, {"minutes", minutes}});
                }
    return doc;
}

// --- a document, ready to run -------------------------------------------------

struct Case {
    long long id;
    const core::BusinessCalendar* calendar;
    core::Instant start;
    seconds amount;
    int minutes;
};

struct Prepared {
    std::vector<std::unique_ptr<core::BusinessCalendar>> calendars;
    std::vector<Case> cases;
};

[[noreturn]] void fail(const std::string& message) {
    std::fprintf(stderr, "sla-bench: %s\n", message.c_str());
    std::exit(1);
}

Prepared prepare(const json& doc) {
    if (!doc.is_object() || !doc.contains("schedules") || !doc.contains("cases") || !doc["schedules"].is_array() ||
        !doc["cases"].is_array())
        fail("a case document needs \"schedules\" and \"cases\" arrays");
    std::map<std::string, core::Schedule> schedules;
    for (const json& s : doc["schedules"]) {
        core::Parsed<core::Schedule> parsed = core::parse_schedule(s.dump(), "schedules[]");
        if (!parsed) fail(parsed.error);
        schedules[parsed.value->id] = *parsed.value;
    }
    Prepared out;
    std::map<std::pair<std::string, std::string>, const core::BusinessCalendar*> made;
    for (const json& c : doc["cases"]) {
        const std::string zone_name = c.value("zone", "");
        const std::string schedule_id = c.value("schedule", "");
        const auto key = std::make_pair(zone_name, schedule_id);
        const core::BusinessCalendar* calendar = nullptr;
        if (auto it = made.find(key); it != made.end()) {
            calendar = it->second;
        } else {
            auto schedule = schedules.find(schedule_id);
            if (schedule == schedules.end()) fail("case " + c.dump() + ": unknown schedule");
            const core::TimeZone* zone = core::locate_zone(zone_name);
            if (!zone) fail("case " + c.dump() + ": unknown time zone");
            out.calendars.push_back(std::make_unique<core::BusinessCalendar>(zone, schedule->second));
            calendar = made[key] = out.calendars.back().get();
        }
        const auto start = core::parse_instant(c.value("start", ""));
        if (!start || !c.contains("minutes") || !c["minutes"].is_number_integer())
            fail("case " + c.dump() + ": needs \"start\" (ISO-8601 instant) and integer \"minutes\"");
        const int minutes = c["minutes"].get<int>();
        out.cases.push_back({c.value("id", 0LL), calendar, *start, seconds(60LL * minutes), minutes});
    }
    return out;
}

json read_document_from_stdin() {
    std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) fail("standard input is not a JSON document");
    return doc;
}

// --- timing -------------------------------------------------------------------

// One pass over the cases; the checksum of the answers keeps the work alive
// and shows every pass (and every build) computed the same deadlines.
std::uint64_t run_pass(const std::vector<Case>& cases) {
    std::uint64_t sum = 0;
    for (const Case& c : cases) {
        const std::optional<core::Instant> deadline = c.calendar->add(c.start, c.amount);
        const std::uint64_t value = deadline ? static_cast<std::uint64_t>(deadline->time_since_epoch().count()) : 1;
        sum = sum * 0x100000001b3ULL + value;
    }
    return sum;
}

struct Measurement {
    std::vector<double> rates;   // deadlines per second, each over >= min_seconds
    long long passes = 0;        // passes per measurement
    double seconds = 0;          // of the median measurement
    std::uint64_t checksum = 0;
};

Measurement measure(const std::vector<Case>& cases, double min_seconds) {
    using clock = std::chrono::steady_clock;
    Measurement m;
    m.checksum = run_pass(cases);   // warm-up: zone files read, caches filled
    long long passes = 1;
    std::vector<std::pair<double, double>> runs;   // rate, seconds
    while (runs.size() < 3) {
        const auto begin = clock::now();
        for (long long p = 0; p < passes; ++p)
            if (run_pass(cases) != m.checksum) fail("a pass computed different deadlines");
        const double elapsed = std::chrono::duration<double>(clock::now() - begin).count();
        if (elapsed < min_seconds) {   // too short: scale up and start over
            const double scale = elapsed > 0 ? min_seconds * 1.1 / elapsed : 10;
            passes = std::max(passes + 1, static_cast<long long>(passes * std::min(scale, 100.0)));
            runs.clear();
            continue;
        }
        runs.emplace_back(static_cast<double>(passes) * static_cast<double>(cases.size()) / elapsed, elapsed);
    }
    for (const auto& run : runs) m.rates.push_back(run.first);
    std::vector<std::pair<double, double>> sorted = runs;
    std::sort(sorted.begin(), sorted.end());
    m.seconds = sorted[1].second;
    m.passes = passes;
    return m;
}

std::string hex(std::uint64_t value) {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
    return buffer;
}

std::string engine_name() {
#ifdef __EMSCRIPTEN__
    return "wasm";
#else
    return "native";
#endif
}

std::string compiler_name() {
#if defined(__EMSCRIPTEN__)
    std::string clang = __clang_version__;
    while (!clang.empty() && clang.back() == ' ') clang.pop_back();
    return "em++ " + std::to_string(__EMSCRIPTEN_major__) + "." + std::to_string(__EMSCRIPTEN_minor__) + "." +
           std::to_string(__EMSCRIPTEN_tiny__) + " (clang " + clang + ")";
#elif defined(__clang__)
    return std::string("clang++ ") + __clang_version__;
#elif defined(__GNUC__)
    return std::string("g++ ") + __VERSION__;
#else
    return "unknown";
#endif
}

int time_document(const json& doc, double min_seconds) {
    const Prepared prepared = prepare(doc);
    std::map<int, std::vector<Case>> by_target;
    for (const Case& c : prepared.cases) by_target[c.minutes].push_back(c);
    json groups = json::array();
    auto add_group = [&](const json& minutes, const std::vector<Case>& cases) {
        if (cases.empty()) return;
        const Measurement m = measure(cases, min_seconds);
        std::vector<double> sorted = m.rates;
        std::sort(sorted.begin(), sorted.end());
        groups.push_back({{"minutes", minutes}, {"cases", cases.size()}, {"rates", m.rates}, {"median", sorted[1]},
                          {"passes", m.passes}, {"seconds", m.seconds}, {"checksum", hex(m.checksum)}});
        std::fprintf(stderr, "sla-bench %s: %s minutes, %zu cases: %.0f deadlines/s (median of 3)\n",
                     engine_name().c_str(), minutes.dump().c_str(), cases.size(), sorted[1]);
    };
    for (const auto& [minutes, cases] : by_target) add_group(minutes, cases);
    add_group("all", prepared.cases);
    const json result = {{"engine", engine_name()}, {"compiler", compiler_name()}, {"cases", prepared.cases.size()},
                         {"min_seconds", min_seconds}, {"groups", groups}};
    std::printf("%s\n", result.dump().c_str());
    return 0;
}

int eval_document(const json& doc) {
    const Prepared prepared = prepare(doc);
    std::string out;
    for (const Case& c : prepared.cases) {
        const std::optional<core::Instant> deadline = c.calendar->add(c.start, c.amount);
        json line = {{"id", c.id}, {"deadline", nullptr}, {"epoch", nullptr}};
        if (deadline) {
            line["deadline"] = core::format_instant_utc(*deadline);
            line["epoch"] = deadline->time_since_epoch().count();
        }
        out += line.dump();
        out += '\n';
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    tests::read_system_zones();
    std::string mode = "bench";
    int starts = 32;
    double min_seconds = 1.0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--cases" || arg == "--eval" || arg == "--time" || arg == "--bench") {
            mode = arg.substr(2);
        } else if (arg == "--starts" && i + 1 < argc) {
            starts = std::atoi(argv[++i]);
        } else if (arg == "--min-seconds" && i + 1 < argc) {
            min_seconds = std::atof(argv[++i]);
        } else {
            std::fprintf(stderr,
                         "usage: sla-bench [--bench | --cases | --eval | --time] [--starts N] [--min-seconds S]\n");
            return 2;
        }
    }
    if (starts < 1 || min_seconds <= 0) fail("--starts and --min-seconds must be positive");
    if (mode == "cases") {
        std::printf("%s\n", builtin_document(starts).dump().c_str());
        return 0;
    }
    if (mode == "eval") return eval_document(read_document_from_stdin());
    if (mode == "time") return time_document(read_document_from_stdin(), min_seconds);
    return time_document(builtin_document(starts), min_seconds);
}
