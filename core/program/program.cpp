#include "core/program/program.hpp"


#include "core/checks/identifier_check.hpp"
#include "core/text/json_error.hpp"
#include "core/text/json_reader.hpp"
#include "core/text/ascii_text.hpp"
#include "core/text/calendar_date.hpp"
#include "core/text/utf8_text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <set>

namespace core {

using nlohmann::json;

// --- lookups ---------------------------------------------------------------

namespace {

template <typename Items, typename Key>
auto* find_by_id(const Items& items, Key id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const auto& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

}  // namespace

const Route* Program::find_route(std::string_view id) const { return find_by_id(routes, id); }

std::string Program::route_title(std::string_view id) const {
    const Route* route = find_route(id);
    return route ? route->title : std::string(id);
}
const Plan* Program::find_plan(std::string_view id) const { return find_by_id(plans, id); }
const Schedule* Program::find_schedule(std::string_view id) const { return find_by_id(schedules, id); }
const Field* Route::find_field(std::string_view id) const { return find_by_id(fields, id); }
const ChecklistItem* Checklist::find_item(std::string_view id) const { return find_by_id(items, id); }
const TriageQuestion* Triage::find_question(std::string_view id) const { return find_by_id(questions, id); }
const GuidanceQuestion* SeverityGuidance::find_question(std::string_view id) const {
    return find_by_id(questions, id);
}
const Region* Program::find_region(std::string_view id) const { return find_by_id(regions, id); }

const Checklist* Program::checklist_for_route(std::string_view route_id) const {
    for (const Checklist& c : checklists)
        if (c.route == route_id) return &c;
    return nullptr;
}

const IdentifierFormat* Program::find_identifier_format(FieldKind kind) const {
    for (const IdentifierFormat& f : identifier_formats)
        if (f.kind == kind) return &f;
    return nullptr;
}

const Severity* Program::find_severity(int level) const {
    for (const Severity& s : severities)
        if (s.level == level) return &s;
    return nullptr;
}

std::string Program::severity_range_text() const {
    if (severities.empty()) return "none";
    return "1 (" + severities.front().name + ") to " + std::to_string(severities.back().level) + " (" +
           severities.back().name + ")";
}

const Plan* Program::support_plan(std::string_view plan_id) const {
    const Plan* plan = find_plan(plan_id);
    if (plan && plan->support_as) return find_plan(*plan->support_as);
    return plan;
}

bool Program::route_open_to(const Route& route, std::string_view plan_id) const {
    const Plan* plan = find_plan(plan_id);
    return plan && plan->has_channel(route.channel);
}

bool Plan::has_channel(std::string_view channel) const {
    return std::find(channels.begin(), channels.end(), channel) != channels.end();
}

const ResponseTarget* Plan::target_for(int severity) const {
    for (const ResponseTarget& t : targets)
        if (t.severity == severity) return &t;
    return nullptr;
}

// --- field kinds -----------------------------------------------------------

namespace {

// An enumeration's values with their names in the document; the first is the
// name of anything not listed.
template <typename Enum>
struct Named {
    Enum value;
    std::string_view name;
};

constexpr Named<FieldKind> kind_names[] = {
    {FieldKind::Text, "text"},
    {FieldKind::LongText, "long_text"},
    {FieldKind::TenantSlug, "tenant_slug"},
    {FieldKind::OrganizationId, "organization_id"},
    {FieldKind::ApplicationKey, "application_key"},
    {FieldKind::Identifier, "identifier"},
    {FieldKind::Url, "url"},
    {FieldKind::Email, "email"},
    {FieldKind::Timestamp, "timestamp"},
    {FieldKind::Choice, "choice"},
    {FieldKind::RedirectUri, "redirect_uri"},
    {FieldKind::UrlList, "url_list"},
    {FieldKind::Jwt, "jwt"},
};

constexpr Named<IdentifierCharacters> characters_names[] = {
    {IdentifierCharacters::Alphanumeric, "alphanumeric"},
    {IdentifierCharacters::LowercaseHex, "lowercase_hex"},
    {IdentifierCharacters::Digits, "digits"},
};

template <typename Enum, size_t N>
std::string_view name_of(const Named<Enum> (&names)[N], Enum value) {
    for (const Named<Enum>& n : names)
        if (n.value == value) return n.name;
    return names[0].name;
}

template <typename Enum, size_t N>
std::optional<Enum> value_named(const Named<Enum> (&names)[N], std::string_view name) {
    for (const Named<Enum>& n : names)
        if (n.name == name) return n.value;
    return std::nullopt;
}

}  // namespace

std::string_view to_string(FieldKind kind) { return name_of(kind_names, kind); }

std::optional<FieldKind> field_kind_from_string(std::string_view name) { return value_named(kind_names, name); }

std::string_view to_string(IdentifierCharacters characters) { return name_of(characters_names, characters); }

std::optional<IdentifierCharacters> identifier_characters_from_string(std::string_view name) {
    return value_named(characters_names, name);
}

// --- times and dates -------------------------------------------------------

namespace {

int two_digits(std::string_view s, size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

}  // namespace

std::optional<int> minute_of_day(std::string_view s) {
    if (s.size() != 5 || s[2] != ':' || !is_ascii_digit(s[0]) || !is_ascii_digit(s[1]) || !is_ascii_digit(s[3]) || !is_ascii_digit(s[4]))
        return std::nullopt;
    int hours = two_digits(s, 0);
    int minutes = two_digits(s, 3);
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
    return hours * 60 + minutes;
}

// --- reading the document --------------------------------------------------

namespace {

std::string at_index(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }
std::string member_path(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

// Ids appear in URLs (#/route/<id>) and in other documents, so keep them plain.
bool is_plain_id(std::string_view id) {
    if (id.empty()) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || is_ascii_digit(c) || c == '-' || c == '_';
    });
}

std::string describe(json::value_t type) {
    switch (type) {
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return "true or false";
        case json::value_t::number_integer: return "a whole number";
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        default: return "something else";
    }
}

std::string describe_value(const json& value) {
    if (value.is_structured()) return std::string(value.type_name());
    std::string text = value.dump();
    if (text.size() <= 40) return text;
    // Cut at a character boundary: the message may travel on in JSON.
    size_t cut = 37;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "...";
}

enum class Need { Required, Optional };

// Walks the parsed document. Every reader returns false at the first problem
// and records it as "path: what is wrong"; later calls are then pointless, so
// callers stop. Unknown members are ignored: a newer service may send more.
class Reader {
public:
    std::string error;

    bool fail(const std::string& path, const std::string& what) {
        if (error.empty()) error = path + ": " + what;
        return false;
    }

    bool expect_object(const json& value, const std::string& path) {
        if (value.is_object()) return true;
        return fail(path, "expected an object, got " + describe_value(value));
    }

    // nullptr when missing (an error only if required) or of the wrong type.
    const json* member(const json& object, const std::string& path, std::string_view key, json::value_t type,
                       Need need) {
        std::string where = member_path(path, key);
        auto it = object.find(std::string(key));
        if (it == object.end()) {
            if (need == Need::Required) fail(where, "missing");
            return nullptr;
        }
        bool matches = type == json::value_t::number_integer ? it->is_number_integer()
                                                               : it->type() == type;
        if (!matches) {
            fail(where, "expected " + describe(type) + ", got " + describe_value(*it));
            return nullptr;
        }
        return &*it;
    }

    bool read_string(const json& object, const std::string& path, std::string_view key, std::string& out,
                     Need need = Need::Required) {
        const json* value = member(object, path, key, json::value_t::string, need);
        if (value) out = value->get<std::string>();
        return error.empty();
    }

    bool read_text(const json& object, const std::string& path, std::string_view key, std::string& out) {
        if (!read_string(object, path, key, out)) return false;
        if (out.empty()) return fail(member_path(path, key), "must not be empty");
        return true;
    }

    bool read_id(const json& object, const std::string& path, std::string_view key, std::string& out) {
        if (!read_string(object, path, key, out)) return false;
        if (!is_plain_id(out))
            return fail(member_path(path, key), in_quotes(out) + " is not a valid id (use a-z, 0-9, '-' and '_')");
        return true;
    }

    bool read_bool(const json& object, const std::string& path, std::string_view key, bool& out) {
        const json* value = member(object, path, key, json::value_t::boolean, Need::Optional);
        if (value) out = value->get<bool>();
        return error.empty();
    }

    bool read_int(const json& object, const std::string& path, std::string_view key, std::optional<int>& out,
                  int min, int max, Need need) {
        const json* value = member(object, path, key, json::value_t::number_integer, need);
        if (!value) return error.empty();
        // Compare before narrowing: the document may hold any size of number.
        bool in_range = value->is_number_unsigned()
                            ? value->get<std::uint64_t>() <= static_cast<std::uint64_t>(max) &&
                                  static_cast<std::int64_t>(value->get<std::uint64_t>()) >= min
                            : value->get<std::int64_t>() >= min && value->get<std::int64_t>() <= max;
        if (!in_range)
            return fail(member_path(path, key),
                        value->dump() + " is not between " + std::to_string(min) + " and " + std::to_string(max));
        out = static_cast<int>(value->get<std::int64_t>());
        return true;
    }

    bool read_int(const json& object, const std::string& path, std::string_view key, int& out, int min, int max) {
        std::optional<int> value;
        if (!read_int(object, path, key, value, min, max, Need::Required)) return false;
        out = *value;
        return true;
    }

    bool read_string_list(const json& object, const std::string& path, std::string_view key,
                          std::vector<std::string>& out, Need need) {
        const json* list = member(object, path, key, json::value_t::array, need);
        if (!list) return error.empty();
        std::string where = member_path(path, key);
        for (size_t i = 0; i < list->size(); ++i) {
            const json& item = (*list)[i];
            if (!item.is_string())
                return fail(at_index(where, i), "expected a string, got " + describe_value(item));
            out.push_back(item.get<std::string>());
        }
        return true;
    }

    bool no_duplicates(const std::vector<std::string>& values, const std::string& path, std::string_view what) {
        std::set<std::string_view> seen;
        for (const std::string& v : values)
            if (!seen.insert(v).second) return fail(path, "duplicate " + std::string(what) + " " + in_quotes(v));
        return true;
    }

    template <typename Items>
    bool unique_ids(const Items& items, const std::string& path) {
        std::vector<std::string> ids;
        for (const auto& item : items) ids.push_back(item.id);
        return no_duplicates(ids, path, "id");
    }

    // Reads every element of the array member `key` with `read_one(reader, element, path, item)`.
    template <typename T, typename ReadOne>
    bool read_list(const json& object, const std::string& path, std::string_view key, std::vector<T>& out,
                   Need need, ReadOne read_one) {
        const json* list = member(object, path, key, json::value_t::array, need);
        if (!list) return error.empty();
        std::string where = member_path(path, key);
        for (size_t i = 0; i < list->size(); ++i) {
            std::string item_path = at_index(where, i);
            T item;
            if (!expect_object((*list)[i], item_path) || !read_one(*this, (*list)[i], item_path, item)) return false;
            out.push_back(std::move(item));
        }
        return true;
    }
};

// --- severities ------------------------------------------------------------

bool read_severity(Reader& r, const json& j, const std::string& path, Severity& s) {
    return r.read_int(j, path, "level", s.level, 1, max_severity_levels) && r.read_text(j, path, "name", s.name) &&
           r.read_text(j, path, "title", s.title) && r.read_text(j, path, "definition", s.definition);
}

bool read_severities(Reader& r, const json& doc, std::vector<Severity>& out) {
    if (!r.read_list(doc, "", "severities", out, Need::Required, read_severity)) return false;
    if (out.empty()) return r.fail("severities", "is empty: define at least severity 1");
    std::set<int> seen;
    for (size_t i = 0; i < out.size(); ++i)
        if (!seen.insert(out[i].level).second)
            return r.fail(at_index("severities", i) + ".level", "duplicate level " + std::to_string(out[i].level));
    // 1 to the least urgent without gaps: "more urgent" is "a lower level".
    for (int level = 1; level <= *seen.rbegin(); ++level)
        if (!seen.count(level)) return r.fail("severities", "level " + std::to_string(level) + " is missing");
    std::sort(out.begin(), out.end(), [](const Severity& a, const Severity& b) { return a.level < b.level; });
    return true;
}

// --- schedules -------------------------------------------------------------

bool check_range(Reader& r, const std::string& path, const std::string& from, const std::string& to,
                 int& from_minute, int& to_minute) {
    std::optional<int> begin = minute_of_day(from);
    std::optional<int> end = minute_of_day(to);
    if (!begin) return r.fail(path, in_quotes(from) + " is not a time of day (HH:MM, 00:00 to 24:00)");
    if (!end) return r.fail(path, in_quotes(to) + " is not a time of day (HH:MM, 00:00 to 24:00)");
    if (*begin >= *end) return r.fail(path, in_quotes(from) + " to " + in_quotes(to) + " is not a forward range");
    from_minute = *begin;
    to_minute = *end;
    return true;
}

bool read_day(Reader& r, const json& ranges, const std::string& path, std::vector<TimeRange>& out) {
    if (!ranges.is_array()) return r.fail(path, "expected an array, got " + describe_value(ranges));
    int previous_end = -1;
    for (size_t i = 0; i < ranges.size(); ++i) {
        std::string where = at_index(path, i);
        const json& pair = ranges[i];
        if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string())
            return r.fail(where, "expected a pair of times like [\"06:00\", \"18:00\"]");
        TimeRange range{pair[0].get<std::string>(), pair[1].get<std::string>()};
        int from = 0, to = 0;
        if (!check_range(r, where, range.from, range.to, from, to)) return false;
        // Sorted, non-overlapping ranges keep business-time arithmetic simple.
        if (from < previous_end)
            return r.fail(where, in_quotes(range.from) + " starts before the previous range ends");
        previous_end = to;
        out.push_back(std::move(range));
    }
    return true;
}

bool read_break(Reader& r, const json& j, const std::string& path, ScheduleBreak& b) {
    if (!r.read_string(j, path, "date", b.date) || !r.read_string(j, path, "from", b.from) ||
        !r.read_string(j, path, "to", b.to))
        return false;
    if (!parse_calendar_date(b.date)) return r.fail(path + ".date", in_quotes(b.date) + " is not a date (YYYY-MM-DD)");
    int from = 0, to = 0;
    return check_range(r, path, b.from, b.to, from, to);
}

bool read_schedule(Reader& r, const json& j, const std::string& path, Schedule& s) {
    if (!r.read_id(j, path, "id", s.id) || !r.read_text(j, path, "name", s.name)) return false;

    const json* hours = r.member(j, path, "hours", json::value_t::object, Need::Required);
    if (!hours) return false;
    std::string hours_path = path + ".hours";
    for (auto it = hours->begin(); it != hours->end(); ++it)
        if (std::find(weekday_keys.begin(), weekday_keys.end(), it.key()) == weekday_keys.end())
            return r.fail(hours_path + "." + it.key(), "unknown day (use mon, tue, wed, thu, fri, sat, sun)");
    bool open_sometime = false;
    for (size_t day = 0; day < weekday_keys.size(); ++day) {
        std::string key(weekday_keys[day]);
        auto it = hours->find(key);
        if (it == hours->end()) return r.fail(hours_path + "." + key, "missing (use [] for a closed day)");
        if (!read_day(r, *it, hours_path + "." + key, s.week[day])) return false;
        open_sometime = open_sometime || !s.week[day].empty();
    }
    // A calendar that is never open would make every deadline infinite.
    if (!open_sometime) return r.fail(hours_path, "open at no time of the week");

    if (!r.read_string_list(j, path, "holidays", s.holidays, Need::Optional)) return false;
    for (size_t i = 0; i < s.holidays.size(); ++i)
        if (!parse_calendar_date(s.holidays[i]))
            return r.fail(at_index(path + ".holidays", i), in_quotes(s.holidays[i]) + " is not a date (YYYY-MM-DD)");
    if (!r.no_duplicates(s.holidays, path + ".holidays", "date")) return false;
    return r.read_list(j, path, "breaks", s.breaks, Need::Optional, read_break);
}

// --- plans -----------------------------------------------------------------

bool read_target(Reader& r, const json& j, const std::string& path, ResponseTarget& t) {
    // A year of business minutes is far beyond any real target; the cap keeps
    // deadline arithmetic away from overflow.
    return r.read_int(j, path, "severity", t.severity, 1, max_severity_levels) &&
           r.read_int(j, path, "minutes", t.minutes, 1, 366 * 24 * 60) &&
           r.read_string(j, path, "schedule", t.schedule) && r.read_text(j, path, "label", t.label);
}

bool read_plan(Reader& r, const json& j, const std::string& path, Plan& p) {
    std::string support_as;
    if (!r.read_id(j, path, "id", p.id) || !r.read_text(j, path, "name", p.name) ||
        !r.read_string(j, path, "description", p.description) ||
        !r.read_string_list(j, path, "channels", p.channels, Need::Required) ||
        !r.no_duplicates(p.channels, path + ".channels", "channel") ||
        !r.read_string(j, path, "support_as", support_as, Need::Optional) ||
        !r.read_int(j, path, "days", p.days, 1, 3660, Need::Optional) ||
        !r.read_list(j, path, "targets", p.targets, Need::Required, read_target))
        return false;
    if (j.contains("support_as")) p.support_as = support_as;

    std::set<int> seen;
    for (size_t i = 0; i < p.targets.size(); ++i)
        if (!seen.insert(p.targets[i].severity).second)
            return r.fail(at_index(path + ".targets", i) + ".severity",
                          "severity " + std::to_string(p.targets[i].severity) + " already has a target");
    return true;
}

// References between plans and schedules, checked once all are read.
bool check_plan_references(Reader& r, const Program& program) {
    for (size_t i = 0; i < program.plans.size(); ++i) {
        const Plan& plan = program.plans[i];
        std::string path = at_index("plans", i);
        for (size_t t = 0; t < plan.targets.size(); ++t) {
            if (!program.find_schedule(plan.targets[t].schedule))
                return r.fail(at_index(path + ".targets", t) + ".schedule",
                              "no schedule " + in_quotes(plan.targets[t].schedule));
            if (!program.find_severity(plan.targets[t].severity))
                return r.fail(at_index(path + ".targets", t) + ".severity",
                              "no severity " + std::to_string(plan.targets[t].severity));
        }
        // A plan with targets promises one for every severity.
        if (!plan.targets.empty())
            for (const Severity& severity : program.severities)
                if (std::none_of(plan.targets.begin(), plan.targets.end(),
                                 [&](const ResponseTarget& t) { return t.severity == severity.level; }))
                    return r.fail(path + ".targets", "severity " + std::to_string(severity.level) + " has no target");
        if (!plan.support_as) continue;
        const Plan* other = program.find_plan(*plan.support_as);
        if (!other) return r.fail(path + ".support_as", "no plan " + in_quotes(*plan.support_as));
        if (other->targets.empty())
            return r.fail(path + ".support_as", "plan " + in_quotes(other->id) + " has no response targets");
        if (!plan.targets.empty())
            return r.fail(path + ".targets", "must be empty: the plan gets the targets of " + in_quotes(other->id));
    }
    return true;
}

bool check_guidance_severities(Reader& r, const Program& program) {
    const std::vector<SeverityRule>& rules = program.severity_guidance.rules;
    for (size_t i = 0; i < rules.size(); ++i)
        if (!program.find_severity(rules[i].severity))
            return r.fail(at_index("severity_guidance.rules", i) + ".severity",
                          "no severity " + std::to_string(rules[i].severity));
    return true;
}

// --- routes and fields -----------------------------------------------------

bool read_field(Reader& r, const json& j, const std::string& path, Field& f) {
    std::string kind;
    if (!r.read_id(j, path, "id", f.id) || !r.read_text(j, path, "caption", f.caption) ||
        !r.read_string(j, path, "kind", kind) || !r.read_bool(j, path, "required", f.required) ||
        !r.read_string(j, path, "hint", f.hint, Need::Optional) ||
        !r.read_string(j, path, "example", f.example, Need::Optional))
        return false;
    std::optional<FieldKind> known = field_kind_from_string(kind);
    if (!known) return r.fail(path + ".kind", "unknown kind " + in_quotes(kind));
    f.kind = *known;

    bool is_choice = f.kind == FieldKind::Choice;
    if (!r.read_string_list(j, path, "choices", f.choices, is_choice ? Need::Required : Need::Optional))
        return false;
    if (is_choice && f.choices.empty()) return r.fail(path + ".choices", "a choice field needs at least one choice");
    if (!is_choice && !f.choices.empty()) return r.fail(path + ".choices", "only choice fields have choices");
    for (size_t i = 0; i < f.choices.size(); ++i)
        if (f.choices[i].empty()) return r.fail(at_index(path + ".choices", i), "must not be empty");
    return r.no_duplicates(f.choices, path + ".choices", "choice");
}

bool read_route(Reader& r, const json& j, const std::string& path, Route& route) {
    return r.read_id(j, path, "id", route.id) && r.read_text(j, path, "title", route.title) &&
           r.read_text(j, path, "subtitle", route.subtitle) && r.read_text(j, path, "use_when", route.use_when) &&
           r.read_string_list(j, path, "include", route.include, Need::Optional) &&
           r.read_bool(j, path, "primary", route.primary) &&
           r.read_string(j, path, "channel", route.channel, Need::Optional) &&
           r.read_bool(j, path, "triage", route.asks_triage) &&
           r.read_list(j, path, "fields", route.fields, Need::Required, read_field) &&
           r.unique_ids(route.fields, path + ".fields");
}

// Appends the fields every request needs, unless the route already asks for
// the same id in its own words or opts out with "include_common": false.
bool read_routes(Reader& r, const json& doc, const Program& program, std::vector<Route>& out) {
    std::vector<Field> common;
    if (!r.read_list(doc, "", "common_fields", common, Need::Optional, read_field) ||
        !r.unique_ids(common, "common_fields"))
        return false;
    if (!r.read_list(doc, "", "routes", out, Need::Required, read_route) || !r.unique_ids(out, "routes"))
        return false;
    if (out.empty()) return r.fail("routes", "the program needs at least one route");

    const json& routes = *doc.find("routes");
    for (size_t i = 0; i < out.size(); ++i) {
        Route& route = out[i];
        std::string path = at_index("routes", i);
        bool include_common = true;
        if (!r.read_bool(routes[i], path, "include_common", include_common)) return false;
        if (include_common)
            for (const Field& field : common)
                if (!route.find_field(field.id)) route.fields.push_back(field);
        if (route.fields.empty()) return r.fail(path + ".fields", "a route needs at least one field");

        bool offered = std::any_of(program.plans.begin(), program.plans.end(),
                                   [&](const Plan& plan) { return plan.has_channel(route.channel); });
        if (!offered) return r.fail(path + ".channel", "no plan offers channel " + in_quotes(route.channel));
    }
    return true;
}

// --- identifiers and issuers ------------------------------------------------

bool read_identifier_format(Reader& r, const json& j, const std::string& path, IdentifierFormat& f) {
    std::string kind, characters;
    if (!r.read_string(j, path, "kind", kind) || !r.read_text(j, path, "name", f.name) ||
        !r.read_string(j, path, "prefix", f.prefix, Need::Optional) ||
        !r.read_string(j, path, "characters", characters) ||
        !r.read_int(j, path, "min_length", f.min_length, 1, 256) ||
        !r.read_int(j, path, "max_length", f.max_length, 1, 256) || !r.read_text(j, path, "example", f.example))
        return false;
    // Only the kinds whose shape is the vendor's business; slugs and free IDs have rules of their own.
    std::optional<FieldKind> known = field_kind_from_string(kind);
    if (known != FieldKind::OrganizationId && known != FieldKind::ApplicationKey)
        return r.fail(path + ".kind", in_quotes(kind) + " has no vendor format (use organization_id or application_key)");
    f.kind = *known;
    std::optional<IdentifierCharacters> set = identifier_characters_from_string(characters);
    if (!set)
        return r.fail(path + ".characters",
                      "unknown characters " + in_quotes(characters) + " (use alphanumeric, lowercase_hex or digits)");
    f.characters = *set;
    if (f.max_length < f.min_length) return r.fail(path + ".max_length", "is less than min_length");
    // The example is what messages show; one that does not fit would mislead.
    std::string problem = identifier_problem(f, f.example);
    if (!problem.empty()) return r.fail(path + ".example", in_quotes(f.example) + " does not fit: " + problem);
    return true;
}

bool read_identifier_formats(Reader& r, const json& doc, std::vector<IdentifierFormat>& out) {
    if (!r.read_list(doc, "", "identifier_formats", out, Need::Optional, read_identifier_format)) return false;
    std::vector<std::string> kinds;
    for (const IdentifierFormat& f : out) kinds.emplace_back(to_string(f.kind));
    return r.no_duplicates(kinds, "identifier_formats", "kind");
}

bool read_tenant_issuer(Reader& r, const json& doc, std::string& out) {
    if (!r.read_string(doc, "", "tenant_issuer", out, Need::Optional)) return false;
    if (out.empty()) return true;
    if (!out.starts_with("https://")) return r.fail("tenant_issuer", in_quotes(out) + " must start with https://");
    if (out.find("{tenant}") == std::string::npos)
        return r.fail("tenant_issuer", in_quotes(out) + " must contain {tenant} where the tenant slug goes");
    return true;
}

// --- checklists, triage, severity guidance, regions -------------------------

bool read_checklist_item(Reader& r, const json& j, const std::string& path, ChecklistItem& item) {
    return r.read_id(j, path, "id", item.id) && r.read_text(j, path, "text", item.text) &&
           r.read_string(j, path, "hint", item.hint, Need::Optional);
}

bool read_checklist(Reader& r, const json& j, const std::string& path, Checklist& c) {
    if (!r.read_id(j, path, "id", c.id) || !r.read_string(j, path, "route", c.route) ||
        !r.read_text(j, path, "title", c.title) || !r.read_string(j, path, "intro", c.intro, Need::Optional) ||
        !r.read_list(j, path, "items", c.items, Need::Required, read_checklist_item) ||
        !r.unique_ids(c.items, path + ".items"))
        return false;
    if (c.items.empty()) return r.fail(path + ".items", "a checklist needs at least one item");
    return true;
}

bool read_checklists(Reader& r, const json& doc, Program& program) {
    if (!r.read_list(doc, "", "checklists", program.checklists, Need::Optional, read_checklist) ||
        !r.unique_ids(program.checklists, "checklists"))
        return false;
    // A ticket carries the ticked items of its route's checklist, so a route has at most one.
    std::set<std::string_view> routes;
    for (size_t i = 0; i < program.checklists.size(); ++i) {
        const std::string& route = program.checklists[i].route;
        std::string path = at_index("checklists", i) + ".route";
        if (!program.find_route(route)) return r.fail(path, "no route " + in_quotes(route));
        if (!routes.insert(route).second) return r.fail(path, "route " + in_quotes(route) + " already has a checklist");
    }
    return true;
}

bool read_answer(Reader& r, const json& j, const std::string& path, GuidanceAnswer& a) {
    return r.read_id(j, path, "id", a.id) && r.read_text(j, path, "text", a.text);
}

bool read_triage_check(Reader& r, const json& j, const std::string& path, TriageCheck& c) {
    return r.read_id(j, path, "id", c.id) && r.read_text(j, path, "text", c.text);
}

bool read_answer(Reader& r, const json& j, const std::string& path, TriageAnswer& a) {
    return r.read_id(j, path, "id", a.id) && r.read_text(j, path, "text", a.text) &&
           r.read_list(j, path, "checks", a.checks, Need::Optional, read_triage_check) &&
           r.unique_ids(a.checks, path + ".checks") && r.read_string(j, path, "next", a.next, Need::Optional);
}

// Triage and guidance questions read alike; their answers differ.
template <typename Question>
bool read_question(Reader& r, const json& j, const std::string& path, Question& q) {
    auto read_one = [](Reader& r, const json& j, const std::string& path, auto& a) { return read_answer(r, j, path, a); };
    if (!r.read_id(j, path, "id", q.id) || !r.read_text(j, path, "text", q.text) ||
        !r.read_list(j, path, "answers", q.answers, Need::Required, read_one) ||
        !r.unique_ids(q.answers, path + ".answers"))
        return false;
    if (q.answers.size() < 2) return r.fail(path + ".answers", "a question needs at least two answers");
    return true;
}

// The questions of a section, read from the object member `key`; nullptr when the program has none.
template <typename Question>
const json* read_questions(Reader& r, const json& doc, const std::string& key, std::string& intro,
                           std::vector<Question>& questions) {
    const json* j = r.member(doc, "", key, json::value_t::object, Need::Optional);
    if (!j || !r.read_string(*j, key, "intro", intro, Need::Optional) ||
        !r.read_list(*j, key, "questions", questions, Need::Required, read_question<Question>) ||
        !r.unique_ids(questions, key + ".questions"))
        return nullptr;
    if (questions.empty()) {
        r.fail(key + ".questions", "needs at least one question");
        return nullptr;
    }
    return j;
}

bool read_triage(Reader& r, const json& doc, Triage& triage) {
    if (!read_questions(r, doc, "triage", triage.intro, triage.questions)) return r.error.empty();
    const auto& questions = triage.questions;
    std::set<std::string_view> reached = {questions.front().id};
    for (size_t q = 0; q < questions.size(); ++q) {
        for (size_t a = 0; a < questions[q].answers.size(); ++a) {
            const std::string& next = questions[q].answers[a].next;
            if (next.empty()) continue;
            std::string path = at_index(at_index("triage.questions", q) + ".answers", a) + ".next";
            auto it = std::find_if(questions.begin(), questions.end(), [&](const auto& other) { return other.id == next; });
            if (it == questions.end()) return r.fail(path, "unknown question " + in_quotes(next));
            // Follow-ups come later in the list, so walking the answers always ends.
            if (it <= questions.begin() + static_cast<std::ptrdiff_t>(q))
                return r.fail(path, "question " + in_quotes(next) + " must be listed after the one it follows");
            reached.insert(next);
        }
    }
    for (size_t q = 0; q < questions.size(); ++q)
        if (!reached.count(questions[q].id))
            return r.fail(at_index("triage.questions", q), "no answer leads to " + in_quotes(questions[q].id));
    return true;
}

// An object of question id -> answer id, each naming a guidance question and one of its answers.
bool read_answer_map(Reader& r, const json& j, const std::string& path, std::string_view key,
                     const SeverityGuidance& guidance, std::map<std::string, std::string>& out) {
    const json* object = r.member(j, path, key, json::value_t::object, Need::Required);
    if (!object) return false;
    for (auto it = object->begin(); it != object->end(); ++it) {
        std::string where = member_path(member_path(path, key), it.key());
        if (!it->is_string()) return r.fail(where, "expected a string, got " + describe_value(*it));
        const GuidanceQuestion* question = guidance.find_question(it.key());
        if (!question) return r.fail(where, "unknown question " + in_quotes(it.key()));
        std::string answer = it->get<std::string>();
        if (!question->find_answer(answer))
            return r.fail(where, in_quotes(answer) + " is not an answer to " + in_quotes(question->id));
        out[it.key()] = answer;
    }
    return true;
}

bool read_severity_guidance(Reader& r, const json& doc, const Triage& triage, SeverityGuidance& g) {
    const std::string path = "severity_guidance";
    const json* j = read_questions(r, doc, path, g.intro, g.questions);
    if (!j) return r.error.empty();
    for (size_t q = 0; q < g.questions.size(); ++q)
        if (triage.find_question(g.questions[q].id))
            return r.fail(at_index(path + ".questions", q) + ".id",
                          in_quotes(g.questions[q].id) + " is also a triage question (a ticket keeps both in one map)");

    const json* rules = r.member(*j, path, "rules", json::value_t::array, Need::Required);
    if (!rules) return false;
    for (size_t i = 0; i < rules->size(); ++i) {
        std::string where = at_index(path + ".rules", i);
        SeverityRule rule;
        if (!r.expect_object((*rules)[i], where) || !read_answer_map(r, (*rules)[i], where, "when", g, rule.when) ||
            !r.read_int((*rules)[i], where, "severity", rule.severity, 1, max_severity_levels))
            return false;
        if (rule.when.empty() && i + 1 < rules->size())
            return r.fail(where + ".when", "is empty, so the rules after it never apply");
        g.rules.push_back(std::move(rule));
    }
    // A last rule for any answers means every set of answers gets a suggestion.
    if (g.rules.empty() || !g.rules.back().when.empty())
        return r.fail(path + ".rules", "the last rule needs an empty \"when\", so that any answers get a severity");

    if (j->contains("severity_1_requires") &&
        (!read_answer_map(r, *j, path, "severity_1_requires", g, g.severity_1_requires) ||
         !r.read_text(*j, path, "severity_1_notice", g.severity_1_notice)))
        return false;
    for (size_t i = 0; i < g.rules.size(); ++i) {
        if (g.rules[i].severity != 1) continue;
        for (const auto& [question, answer] : g.severity_1_requires) {
            auto it = g.rules[i].when.find(question);
            if (it == g.rules[i].when.end() || it->second != answer)
                return r.fail(at_index(path + ".rules", i),
                              "suggests severity 1 without " + in_quotes(question) + ": " + in_quotes(answer) +
                                  ", which severity 1 requires");
        }
    }
    return r.read_string(*j, path, "never_raised", g.never_raised, Need::Optional);
}

bool read_region(Reader& r, const json& j, const std::string& path, Region& region) {
    if (!r.read_id(j, path, "id", region.id) || !r.read_text(j, path, "name", region.name) ||
        !r.read_string_list(j, path, "zone_prefixes", region.zone_prefixes, Need::Required))
        return false;
    for (size_t i = 0; i < region.zone_prefixes.size(); ++i)
        if (region.zone_prefixes[i].empty()) return r.fail(at_index(path + ".zone_prefixes", i), "must not be empty");
    return true;
}

bool read_regions(Reader& r, const json& doc, std::vector<Region>& out) {
    if (!r.read_list(doc, "", "regions", out, Need::Optional, read_region) || !r.unique_ids(out, "regions"))
        return false;
    // A prefix in two regions would make a zone's region depend on the order of the list.
    std::vector<std::string> prefixes;
    for (const Region& region : out) prefixes.insert(prefixes.end(), region.zone_prefixes.begin(), region.zone_prefixes.end());
    return r.no_duplicates(prefixes, "regions", "zone prefix");
}

bool read_attachment_rules(Reader& r, const json& doc, AttachmentRules& out) {
    const json* rules = r.member(doc, "", "attachments", json::value_t::object, Need::Optional);
    if (!rules) return r.error.empty();
    return r.read_int(*rules, "attachments", "max_megabytes", out.max_megabytes, 1, 1024) &&
           r.read_int(*rules, "attachments", "delete_days_after_close", out.delete_days_after_close, 0, 3650);
}

}  // namespace

Parsed<Program> parse_program(std::string_view json_text) {
    json doc = read_json(json_text);
    if (doc.is_discarded()) return {std::nullopt, "document: " + describe_invalid_json(json_text)};

    Reader r;
    Program program;
    bool ok = r.expect_object(doc, "document") && r.read_text(doc, "", "vendor", program.vendor) &&
              r.read_text(doc, "", "product_name", program.product_name) &&
              read_severities(r, doc, program.severities) &&
              r.read_list(doc, "", "schedules", program.schedules, Need::Required, read_schedule) &&
              r.unique_ids(program.schedules, "schedules") &&
              r.read_list(doc, "", "plans", program.plans, Need::Required, read_plan) &&
              r.unique_ids(program.plans, "plans") && check_plan_references(r, program) &&
              read_routes(r, doc, program, program.routes) &&
              read_identifier_formats(r, doc, program.identifier_formats) &&
              read_tenant_issuer(r, doc, program.tenant_issuer) && read_checklists(r, doc, program) &&
              read_triage(r, doc, program.triage) &&
              read_severity_guidance(r, doc, program.triage, program.severity_guidance) &&
              check_guidance_severities(r, program) &&
              read_regions(r, doc, program.regions) && read_attachment_rules(r, doc, program.attachments);
    if (!ok) return {std::nullopt, r.error};
    return {std::move(program), {}};
}

Parsed<Schedule> parse_schedule(std::string_view json_text, const std::string& path) {
    json doc = read_json(json_text);
    if (doc.is_discarded()) return {std::nullopt, path + ": " + describe_invalid_json(json_text)};
    Reader r;
    if (!r.expect_object(doc, path)) return {std::nullopt, r.error};
    // A schedule given alone needs no id or name.
    if (!doc.contains("id")) doc["id"] = "schedule";
    if (!doc.contains("name")) doc["name"] = "Schedule";
    Schedule schedule;
    if (!read_schedule(r, doc, path, schedule)) return {std::nullopt, r.error};
    return {std::move(schedule), {}};
}

// --- writing the document --------------------------------------------------

namespace {

using ordered = nlohmann::ordered_json;

ordered field_to_json(const Field& f) {
    ordered j{{"id", f.id}, {"caption", f.caption}, {"kind", to_string(f.kind)}, {"required", f.required},
              {"hint", f.hint}, {"example", f.example}};
    if (f.kind == FieldKind::Choice) j["choices"] = f.choices;
    return j;
}

ordered schedule_to_json(const Schedule& s) {
    ordered hours = ordered::object();
    for (size_t day = 0; day < weekday_keys.size(); ++day) {
        ordered ranges = ordered::array();
        for (const TimeRange& range : s.week[day]) ranges.push_back({range.from, range.to});
        hours[std::string(weekday_keys[day])] = ranges;
    }
    ordered breaks = ordered::array();
    for (const ScheduleBreak& b : s.breaks) breaks.push_back({{"date", b.date}, {"from", b.from}, {"to", b.to}});
    return {{"id", s.id}, {"name", s.name}, {"hours", hours}, {"holidays", s.holidays}, {"breaks", breaks}};
}

ordered plan_to_json(const Plan& p) {
    ordered j{{"id", p.id}, {"name", p.name}, {"description", p.description}, {"channels", p.channels}};
    if (p.support_as) j["support_as"] = *p.support_as;
    if (p.days) j["days"] = *p.days;
    ordered targets = ordered::array();
    for (const ResponseTarget& t : p.targets)
        targets.push_back(
            {{"severity", t.severity}, {"minutes", t.minutes}, {"schedule", t.schedule}, {"label", t.label}});
    j["targets"] = targets;
    return j;
}

ordered route_to_json(const Route& route) {
    ordered fields = ordered::array();
    for (const Field& f : route.fields) fields.push_back(field_to_json(f));
    return {{"id", route.id},          {"title", route.title},     {"subtitle", route.subtitle},
            {"use_when", route.use_when}, {"include", route.include}, {"primary", route.primary},
            {"channel", route.channel}, {"triage", route.asks_triage}, {"fields", fields}};
}

ordered answer_to_json(const GuidanceAnswer& a) { return {{"id", a.id}, {"text", a.text}}; }

ordered answer_to_json(const TriageAnswer& a) {
    ordered checks = ordered::array();
    for (const TriageCheck& c : a.checks) checks.push_back({{"id", c.id}, {"text", c.text}});
    ordered j{{"id", a.id}, {"text", a.text}, {"checks", checks}};
    if (!a.next.empty()) j["next"] = a.next;
    return j;
}

template <typename Question>
ordered questions_to_json(const std::string& intro, const std::vector<Question>& questions) {
    ordered list = ordered::array();
    for (const Question& q : questions) {
        ordered answers = ordered::array();
        for (const auto& a : q.answers) answers.push_back(answer_to_json(a));
        list.push_back({{"id", q.id}, {"text", q.text}, {"answers", answers}});
    }
    return {{"intro", intro}, {"questions", list}};
}

ordered severity_guidance_to_json(const SeverityGuidance& g) {
    ordered j = questions_to_json(g.intro, g.questions);
    ordered rules = ordered::array();
    for (const SeverityRule& rule : g.rules) rules.push_back({{"when", ordered(rule.when)}, {"severity", rule.severity}});
    j["rules"] = rules;
    if (!g.severity_1_requires.empty()) {
        j["severity_1_requires"] = ordered(g.severity_1_requires);
        j["severity_1_notice"] = g.severity_1_notice;
    }
    j["never_raised"] = g.never_raised;
    return j;
}

ordered checklist_to_json(const Checklist& c) {
    ordered items = ordered::array();
    for (const ChecklistItem& item : c.items) items.push_back({{"id", item.id}, {"text", item.text}, {"hint", item.hint}});
    return {{"id", c.id}, {"route", c.route}, {"title", c.title}, {"intro", c.intro}, {"items", items}};
}

}  // namespace

std::string program_to_json(const Program& program, int indent) {
    ordered doc{{"vendor", program.vendor}, {"product_name", program.product_name}};
    ordered severities = ordered::array();
    for (const Severity& s : program.severities)
        severities.push_back({{"level", s.level}, {"name", s.name}, {"title", s.title}, {"definition", s.definition}});
    doc["severities"] = severities;
    ordered schedules = ordered::array();
    for (const Schedule& s : program.schedules) schedules.push_back(schedule_to_json(s));
    doc["schedules"] = schedules;
    ordered plans = ordered::array();
    for (const Plan& p : program.plans) plans.push_back(plan_to_json(p));
    doc["plans"] = plans;
    ordered routes = ordered::array();
    for (const Route& route : program.routes) routes.push_back(route_to_json(route));
    doc["routes"] = routes;
    ordered formats = ordered::array();
    for (const IdentifierFormat& f : program.identifier_formats)
        formats.push_back({{"kind", to_string(f.kind)}, {"name", f.name}, {"prefix", f.prefix},
                           {"characters", to_string(f.characters)}, {"min_length", f.min_length},
                           {"max_length", f.max_length}, {"example", f.example}});
    doc["identifier_formats"] = formats;
    if (!program.tenant_issuer.empty()) doc["tenant_issuer"] = program.tenant_issuer;
    ordered checklists = ordered::array();
    for (const Checklist& c : program.checklists) checklists.push_back(checklist_to_json(c));
    doc["checklists"] = checklists;
    if (!program.triage.questions.empty())
        doc["triage"] = questions_to_json(program.triage.intro, program.triage.questions);
    if (!program.severity_guidance.questions.empty())
        doc["severity_guidance"] = severity_guidance_to_json(program.severity_guidance);
    ordered regions = ordered::array();
    for (const Region& region : program.regions)
        regions.push_back({{"id", region.id}, {"name", region.name}, {"zone_prefixes", region.zone_prefixes}});
    doc["regions"] = regions;
    doc["attachments"] = {{"max_megabytes", program.attachments.max_megabytes},
                          {"delete_days_after_close", program.attachments.delete_days_after_close}};
    // Replace rather than throw on invalid UTF-8 that a hand-built Program might hold.
    return doc.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

// --- the compiled-in program -----------------------------------------------

const Program& default_program() {
    static const Program program = [] {
        Parsed<Program> parsed = parse_program(default_program_json());
        if (!parsed) {
            std::fprintf(stderr, "core/program/program.json (compiled in) is invalid: %s\n", parsed.error.c_str());
            std::abort();
        }
        return std::move(*parsed.value);
    }();
    return program;
}

}  // namespace core
