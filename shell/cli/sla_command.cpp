// `sla eval`: JSON lines in, one JSON line out per input, in order.
// `sla deadline`: a plan's response deadline for a ticket opened at a time.
#include "cli.hpp"

#include "core/sla/business_calendar.hpp"
#include "core/sla/response_status.hpp"
#include "core/time/zone_catalog.hpp"
#include "core/text/json_reader.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <map>

namespace cli {

namespace {

using nlohmann::json;

// Zones come from the system's zoneinfo, each read once (core's catalog).
const core::TimeZone* find_zone(const std::string& name, std::string& error) {
    static const bool reading = [] {
        core::read_zones_with([](const std::string& zone) {
            std::string ignored;
            return cli::read_text_file("/usr/share/zoneinfo/" + zone, ignored);
        });
        return true;
    }();
    (void)reading;
    const core::TimeZone* zone = core::locate_zone(name);
    if (!zone) error = "unknown time zone \"" + name + "\"";
    return zone;
}

// One request line; returns the answer line ("id" first, as in the contract).
nlohmann::ordered_json evaluate(const std::string& line) {
    nlohmann::ordered_json answer = nlohmann::ordered_json::object();
    json in = core::read_json(line);
    if (in.is_discarded() || !in.is_object()) {
        answer["id"] = nullptr;
        answer["error"] = "not a JSON object";
        return answer;
    }
    answer["id"] = in.contains("id") ? nlohmann::ordered_json(in["id"]) : nlohmann::ordered_json(nullptr);
    auto fail = [&](std::string message) {
        answer["error"] = std::move(message);
        return answer;
    };

    if (!in.contains("schedule") || !in["schedule"].is_object()) return fail("schedule: missing or not an object");
    const json& schedule_json = in["schedule"];
    if (!schedule_json.contains("tz") || !schedule_json["tz"].is_string())
        return fail("schedule.tz: missing or not a string (an IANA time zone like \"Europe/Berlin\")");
    std::string error;
    const core::TimeZone* zone = find_zone(schedule_json["tz"].get<std::string>(), error);
    if (!zone) return fail("schedule.tz: " + error);
    json hours_only = schedule_json;
    hours_only.erase("tz");
    core::Parsed<core::Schedule> schedule = core::parse_schedule(hours_only.dump(), "schedule");
    if (!schedule) return fail(schedule.error);
    const core::BusinessCalendar calendar(zone, *schedule.value);

    auto instant = [&](const char* key, core::Instant& out) -> bool {
        if (!in.contains(key) || !in[key].is_string()) {
            error = std::string(key) + ": missing or not a string";
            return false;
        }
        auto parsed = core::parse_instant(in[key].get<std::string>());
        if (!parsed) {
            error = std::string(key) + ": \"" + in[key].get<std::string>() +
                    "\" is not an ISO-8601 instant with offset (e.g. 2026-03-27T17:00:00+01:00)";
            return false;
        }
        out = *parsed;
        return true;
    };

    const std::string op = in.contains("op") && in["op"].is_string() ? in["op"].get<std::string>() : "";
    core::Instant start;
    if (op == "add_minutes") {
        if (!instant("start", start)) return fail(error);
        if (!in.contains("amount") || !in["amount"].is_number_integer() || in["amount"].get<long long>() < 0 ||
            in["amount"].get<long long>() > 60LL * 24 * 366 * 10)
            return fail("amount: expected whole minutes from 0 to ten years");
        auto deadline = calendar.add(start, std::chrono::minutes(in["amount"].get<long long>()));
        if (!deadline) return fail("the schedule never opens again after start");
        answer["result"] = core::format_instant(*deadline, zone);
    } else if (op == "elapsed_between") {
        core::Instant end;
        if (!instant("start", start) || !instant("end", end)) return fail(error);
        answer["result"] = calendar.elapsed(start, end).count();
    } else if (op == "in_hours") {
        const char* key = in.contains("at") ? "at" : "start";
        if (!instant(key, start)) return fail(error);
        answer["result"] = calendar.is_open(start);
    } else {
        return fail("op: expected \"add_minutes\", \"elapsed_between\" or \"in_hours\"");
    }
    return answer;
}

int run_eval(Output io) {
    std::string line;
    while (std::getline(std::cin, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        io.out << evaluate(line).dump() << '\n';
    }
    io.out.flush();
    return exit_ok;
}

int run_deadline(std::span<const std::string> args, const core::Program& program, Output io) {
    std::map<std::string, std::string> options;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& name = args[i];
        if (name.rfind("--", 0) != 0 || i + 1 >= args.size()) {
            io.err << "portal-cli: sla deadline: expected --plan P --severity N --tz ZONE --opened TIME\n";
            return exit_usage;
        }
        options[name.substr(2)] = args[++i];
    }
    for (const char* needed : {"plan", "severity", "tz", "opened"}) {
        if (!options.count(needed)) {
            io.err << "portal-cli: sla deadline: --" << needed << " is missing\n";
            return exit_usage;
        }
    }
    int severity = 0;
    try {
        severity = std::stoi(options["severity"]);
    } catch (const std::exception&) {
        io.err << "error: --severity: \"" << options["severity"] << "\" is not a number from 1 to 4\n";
        return exit_failed;
    }
    core::Parsed<core::ResponseTerms> terms = core::response_terms(program, options["plan"], severity);
    if (!terms) {
        io.err << "error: " << terms.error << '\n';
        return exit_failed;
    }
    std::string error;
    const core::TimeZone* zone = find_zone(options["tz"], error);
    if (!zone) {
        io.err << "error: --tz: " << error << '\n';
        return exit_failed;
    }
    auto opened = core::parse_instant(options["opened"]);
    if (!opened) {
        io.err << "error: --opened: \"" << options["opened"]
               << "\" is not an ISO-8601 instant with offset (e.g. 2026-03-27T17:00:00+01:00)\n";
        return exit_failed;
    }
    const core::ResponseTerms& t = *terms;
    io.out << "plan: " << t.plan->name;
    if (t.support != t.plan) io.out << " (gets " << t.support->name << ")";
    io.out << "\nseverity: " << t.severity->level << " " << t.severity->name << "\n";
    if (!t.target) {
        io.out << "target: none (this plan has no response-time commitment)\n";
        return exit_ok;
    }
    io.out << "target: " << t.target->label << " (" << t.schedule->name << ")\n";
    const std::optional<core::BusinessCalendar> calendar = core::response_calendar(t, zone);
    std::optional<core::Instant> deadline = calendar ? core::response_deadline(t, *calendar, *opened) : std::nullopt;
    if (!deadline) {
        io.err << "error: the schedule never opens again\n";
        return exit_failed;
    }
    io.out << "deadline: " << core::format_instant(*deadline, zone) << " (" << zone->name() << ")\n";
    io.out << "deadline: " << core::format_instant_utc(*deadline) << " (UTC)\n";
    return exit_ok;
}

}  // namespace

int run_sla_command(std::span<const std::string> args, const core::Program& program, Output io) {
    if (!args.empty() && args[0] == "eval" && args.size() == 1) return run_eval(io);
    if (!args.empty() && args[0] == "deadline") return run_deadline(args.subspan(1), program, io);
    io.err << "portal-cli: expected \"sla eval\" or \"sla deadline ...\"\n\n";
    print_usage(io.err);
    return exit_usage;
}

}  // namespace cli
