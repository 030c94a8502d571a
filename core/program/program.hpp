// The support program as data: plans, severities, response targets, hours,
// routes and the fields each route asks for. Everything vendor-specific lives
// in one JSON document (core/program/program.json, compiled in as the default); another
// vendor ships a different document instead of changing code.
#pragma once

#include "core/text/parsed.hpp"
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// Severity levels run from 1, the most urgent, without gaps, to as many as
// the program defines (at most this many).
inline constexpr int max_severity_levels = 9;

struct Severity {
    int level = 0;              // 1 (most urgent) .. the program's least urgent
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
    RedirectUri, // the redirect URI an app sends, checked against the registered ones (UrlList)
    UrlList,     // one URL per line: a client's registered redirect URIs
    Jwt,         // a pasted ID or access token, decoded in the browser
};

// How the vendor's identifiers of one kind look, e.g. "org_" and 16 to 32
// letters or digits. Vendor data, so it lives in the program document.
enum class IdentifierCharacters {
    Alphanumeric,   // A-Z, a-z, 0-9
    LowercaseHex,   // 0-9, a-f
    Digits,         // 0-9
};

struct IdentifierFormat {
    FieldKind kind = FieldKind::OrganizationId;  // the field kind it describes
    std::string name;                            // "organization ID", as messages say it
    std::string prefix;                          // "org_"; may be empty
    IdentifierCharacters characters = IdentifierCharacters::Alphanumeric;
    int min_length = 1;                          // of the part after the prefix
    int max_length = 64;
    std::string example;                         // "org_7Hq2KpL9sX4mN1aB"; fits the format
    bool operator==(const IdentifierFormat&) const = default;
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
    // Whether the form asks the program's triage ("who is affected?"); a
    // security report, written for one reviewer, does not.
    bool asks_triage = true;
    std::vector<Field> fields;        // the document's common_fields already appended

    const Field* find_field(std::string_view id) const;
    bool operator==(const Route&) const = default;
};

// A list of things to check before submitting on one route; the ticked item
// ids go with the ticket.
struct ChecklistItem {
    std::string id;                   // "redirect_uris_match"
    std::string text;                 // what to check
    std::string hint;                 // why it matters
    bool operator==(const ChecklistItem&) const = default;
};

struct Checklist {
    std::string id;                   // "onboarding"
    std::string route;                // the route it is shown on (one checklist per route)
    std::string title;
    std::string intro;
    std::vector<ChecklistItem> items;

    const ChecklistItem* find_item(std::string_view id) const;
    bool operator==(const Checklist&) const = default;
};

// A question and its answers; triage and severity guidance differ only in
// what an answer carries.
template <typename Answer>
struct Question {
    std::string id;                   // "all_or_few", "production"
    std::string text;                 // "Are all users affected or only a few?"
    std::vector<Answer> answers;

    const Answer* find_answer(std::string_view answer_id) const {
        for (const Answer& answer : answers)
            if (answer.id == answer_id) return &answer;
        return nullptr;
    }
    bool operator==(const Question&) const = default;
};

// Triage before filing: a small tree of questions. The first question is the
// root; an answer lists what to check and may lead to a follow-up question,
// which is always listed after it, so a walk down the tree ends.
struct TriageCheck {
    std::string id;                   // "certificates_valid"
    std::string text;
    bool operator==(const TriageCheck&) const = default;
};

struct TriageAnswer {
    std::string id;                   // "all"
    std::string text;                 // "All or most users"
    std::vector<TriageCheck> checks;
    std::string next;                 // id of the follow-up question; empty: none
    bool operator==(const TriageAnswer&) const = default;
};

using TriageQuestion = Question<TriageAnswer>;

struct Triage {
    std::string intro;
    std::vector<TriageQuestion> questions;   // empty: the program has no triage

    const TriageQuestion* find_question(std::string_view id) const;
    bool operator==(const Triage&) const = default;
};

// Severity guidance: a few questions whose answers suggest a severity. Their
// answers share TicketDraft::answers with the triage, so question ids are
// unique across both.
struct GuidanceAnswer {
    std::string id;                   // "yes"
    std::string text;                 // "Yes"
    bool operator==(const GuidanceAnswer&) const = default;
};

using GuidanceQuestion = Question<GuidanceAnswer>;

// Suggests `severity` when every question in `when` got the given answer.
struct SeverityRule {
    std::map<std::string, std::string> when;   // question id -> answer id; empty: always
    int severity = 0;
    bool operator==(const SeverityRule&) const = default;
};

struct SeverityGuidance {
    std::string intro;
    std::vector<GuidanceQuestion> questions;    // empty: the program gives no guidance
    std::vector<SeverityRule> rules;            // first match wins; the last one has an empty `when`
    std::map<std::string, std::string> severity_1_requires;  // answers without which severity 1 is refused
    std::string severity_1_notice;              // what severity 1 is for, shown when it is refused
    std::string never_raised;                   // severity cannot be raised later; how to escalate instead

    const GuidanceQuestion* find_question(std::string_view id) const;
    bool operator==(const SeverityGuidance&) const = default;
};

// A region of the service status page. A customer's IANA zone picks the
// region whose longest zone prefix it starts with.
struct Region {
    std::string id;                   // "eu"
    std::string name;                 // "EU"
    std::vector<std::string> zone_prefixes;  // "Europe/", or a whole zone name such as "Pacific/Honolulu"
    bool operator==(const Region&) const = default;
};

// Files attached to tickets (screenshots, logs, sanitised HAR files): how
// large one may be, and how long after its ticket closes it is deleted.
struct AttachmentRules {
    int max_megabytes = 32;              // one file, in MiB (1 to 1024)
    int delete_days_after_close = 90;    // 0: kept as long as the ticket
    int64_t max_bytes() const { return int64_t(max_megabytes) * 1024 * 1024; }
    bool operator==(const AttachmentRules&) const = default;
};

struct Program {
    std::string vendor;               // who runs the program (never shown as our brand)
    std::string product_name;         // "Support Portal"
    std::vector<Severity> severities;
    std::vector<Schedule> schedules;
    std::vector<Plan> plans;
    std::vector<Route> routes;
    std::vector<Checklist> checklists;
    Triage triage;
    SeverityGuidance severity_guidance;
    std::vector<Region> regions;      // of the service status page
    std::vector<IdentifierFormat> identifier_formats;  // at most one per kind; a kind without one is checked loosely
    // The issuer (iss) of the tokens a tenant's sign-ins produce, with
    // "{tenant}" for the tenant slug: "https://{tenant}.example.com/". Empty: unknown.
    std::string tenant_issuer;
    AttachmentRules attachments;      // "attachments": optional; these defaults without it

    const Route* find_route(std::string_view id) const;
    std::string route_title(std::string_view id) const;   // the id itself for a route it does not have
    const Plan* find_plan(std::string_view id) const;
    const Schedule* find_schedule(std::string_view id) const;
    const Severity* find_severity(int level) const;
    int least_urgent_severity() const { return static_cast<int>(severities.size()); }
    std::string severity_range_text() const;   // "1 (Urgent) to 4 (Low)"
    const IdentifierFormat* find_identifier_format(FieldKind kind) const;
    const Checklist* checklist_for_route(std::string_view route_id) const;  // nullptr: the route has none
    const Region* find_region(std::string_view id) const;

    // The plan whose support a customer on `plan_id` gets: a trial gets its
    // support_as plan, every other plan its own. nullptr for an unknown id.
    const Plan* support_plan(std::string_view plan_id) const;
    // Whether a customer on `plan_id` may use `route` (through its channel).
    bool route_open_to(const Route& route, std::string_view plan_id) const;

    bool operator==(const Program&) const = default;
};

// Parsing never throws: a bad document yields an error naming the field,
// e.g. `routes[1].fields[3].kind: unknown kind "colour"`.
Parsed<Program> parse_program(std::string_view json_text);

// One schedule on its own (hours, holidays, breaks; id and name optional), as
// in the document's "schedules" list. Errors name the field from `path`.
Parsed<Schedule> parse_schedule(std::string_view json_text, const std::string& path = "schedule");

// The program as a JSON document parse_program reads back to an equal Program
// (common fields appear expanded in each route).
std::string program_to_json(const Program& program, int indent = 2);

// The document compiled into every binary (core/program/program.json).
std::string_view default_program_json();
const Program& default_program();  // aborts if the compiled-in document is invalid

std::string_view to_string(FieldKind kind);
std::optional<FieldKind> field_kind_from_string(std::string_view name);
std::string_view to_string(IdentifierCharacters characters);
std::optional<IdentifierCharacters> identifier_characters_from_string(std::string_view name);

}  // namespace core
