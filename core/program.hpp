// The support program as data: plans, severities, response targets, hours,
// routes and the fields each route asks for. Everything vendor-specific lives
// in one JSON document (core/program.json, compiled in as the default); another
// vendor ships a different document instead of changing code.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct Severity {
    int level = 0;              // 1 (most urgent) .. 4
    std::string name;           // "Urgent"
    std::string title;          // "Emergency Issue"
    std::string definition;     // what qualifies
    bool operator==(const Severity&) const = default;
};

// Opening hours as a weekly pattern; times are "HH:MM" wall clock in the
// customer's own time zone, end may be "24:00".
struct TimeRange {
    std::string from;
    std::string to;
    bool operator==(const TimeRange&) const = default;
};

// A one-off closure on one date, e.g. a team meeting afternoon.
struct ScheduleBreak {
    std::string date;           // "YYYY-MM-DD"
    std::string from;           // "HH:MM"
    std::string to;
    bool operator==(const ScheduleBreak&) const = default;
};

// The keys of Schedule::week in the JSON document, Monday first.
inline constexpr std::array<std::string_view, 7> weekday_keys = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

struct Schedule {
    std::string id;                                  // "standard-hours"
    std::string name;                                // "6AM-6PM Monday to Friday, your local time"
    std::array<std::vector<TimeRange>, 7> week;      // index 0 = Monday .. 6 = Sunday
    std::vector<std::string> holidays;               // "YYYY-MM-DD": closed all day
    std::vector<ScheduleBreak> breaks;               // closed for part of a day
    bool operator==(const Schedule&) const = default;
};

// Minutes since midnight for "HH:MM" (00:00 .. 24:00); nullopt if malformed.
std::optional<int> minute_of_day(std::string_view hh_mm);

struct ResponseTarget {
    int severity = 0;
    int minutes = 0;            // business minutes counted in `schedule`
    std::string schedule;       // id of a Schedule
    std::string label;          // as the documents say it: "1 business day"
    bool operator==(const ResponseTarget&) const = default;
};

struct Plan {
    std::string id;                     // "standard"
    std::string name;                   // "Standard Support"
    std::string description;
    std::vector<std::string> channels;  // "community", "tickets", "security-reports"
    std::optional<std::string> support_as;  // trial: gets the support of "standard"
    std::optional<int> days;            // trial: length in days
    std::vector<ResponseTarget> targets;  // empty: no SLA (community only, or see support_as)

    bool has_channel(std::string_view channel) const;
    const ResponseTarget* target_for(int severity) const;
    bool operator==(const Plan&) const = default;
};

enum class FieldKind {
    Text,        // free single-line text
    LongText,    // multi-line description
    TenantSlug,
    OrganizationId,
    ApplicationKey,
    Identifier,  // any other opaque ID (correlation, webhook delivery, entitlement, ...)
    Url,
    Email,
    Timestamp,
    Choice,
};

struct Field {
    std::string id;                   // "tenant_slug"
    std::string caption;              // "Tenant slug"
    FieldKind kind = FieldKind::Text;
    bool required = false;
    std::string hint;                 // what it is and where to find it
    std::string example;
    std::vector<std::string> choices; // for FieldKind::Choice
    bool operator==(const Field&) const = default;
};

struct Route {
    std::string id;                   // "onboarding"
    std::string title;                // "Onboarding"
    std::string subtitle;             // "Tenant, app, or client setup"
    std::string use_when;             // "Use this path when ..."
    std::vector<std::string> include; // what to include, as bullet points
    bool primary = true;              // the three rollout-stage routes; false for general/security
    // The plan channel this route files into: "tickets" needs a paid plan or a
    // trial, "security-reports" is open to everyone.
    std::string channel = "tickets";
    std::vector<Field> fields;        // the document's common_fields already appended

    const Field* find_field(std::string_view id) const;
    bool operator==(const Route&) const = default;
};

struct Program {
    std::string vendor;               // who runs the program (never shown as our brand)
    std::string product_name;         // "Support Portal"
    std::vector<Severity> severities;
    std::vector<Schedule> schedules;
    std::vector<Plan> plans;
    std::vector<Route> routes;

    const Route* find_route(std::string_view id) const;
    const Plan* find_plan(std::string_view id) const;
    const Schedule* find_schedule(std::string_view id) const;
    const Severity* find_severity(int level) const;

    // The plan whose support a customer on `plan_id` gets: a trial gets its
    // support_as plan, every other plan its own. nullptr for an unknown id.
    const Plan* support_plan(std::string_view plan_id) const;
    // Whether a customer on `plan_id` may use `route` (through its channel).
    bool route_open_to(const Route& route, std::string_view plan_id) const;

    bool operator==(const Program&) const = default;
};

// Parsing never throws: a bad document yields an error naming the field,
// e.g. `routes[1].fields[3].kind: unknown kind "colour"`.
struct ProgramResult {
    std::optional<Program> program;
    std::string error;                // empty when program is set
    explicit operator bool() const { return program.has_value(); }
};

ProgramResult parse_program(std::string_view json_text);

// One schedule on its own (hours, holidays, breaks; id and name optional), as
// in the document's "schedules" list. Errors name the field from `path`.
struct ScheduleResult {
    std::optional<Schedule> schedule;
    std::string error;
    explicit operator bool() const { return schedule.has_value(); }
};
ScheduleResult parse_schedule(std::string_view json_text, const std::string& path = "schedule");

// The program as a JSON document parse_program reads back to an equal Program
// (common fields appear expanded in each route).
std::string program_to_json(const Program& program, int indent = 2);

// The document compiled into every binary (core/program.json).
std::string_view default_program_json();
const Program& default_program();  // aborts if the compiled-in document is invalid

std::string_view to_string(FieldKind kind);
std::optional<FieldKind> field_kind_from_string(std::string_view name);

}  // namespace core
