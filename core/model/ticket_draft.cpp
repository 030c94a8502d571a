#include "core/model/ticket_draft.hpp"

#include "core/text/json_error.hpp"
#include "core/text/json_reader.hpp"
#include "core/text/ordered_json_object.hpp"
#include "core/checks/jwt_inspection.hpp"
#include "core/checks/redirect_uri.hpp"
#include "core/checks/tenant_slug.hpp"
#include "core/text/ascii_text.hpp"
#include "core/text/utf8_text.hpp"

#include "core/time/zone_catalog.hpp"
#include <nlohmann/json.hpp>

#include <limits>

namespace core {

namespace {

using nlohmann::json;

std::string wrong_type(const std::string& path, const json& value) {
    return path + ": wrong type (" + value.type_name() + ")";
}

bool read_string(const json& doc, const char* key, std::string& out, std::string& error) {
    auto it = doc.find(key);
    if (it == doc.end()) return true;
    if (!it->is_string()) {
        error = wrong_type(key, *it);
        return false;
    }
    out = it->get<std::string>();
    return true;
}

// An object member whose values all have one JSON type, read into a map.
template <typename Value>
bool read_map(const json& doc, const char* key, std::map<std::string, Value>& out, std::string& error) {
    auto it = doc.find(key);
    if (it == doc.end()) return true;
    if (!it->is_object()) {
        error = wrong_type(key, *it);
        return false;
    }
    for (auto member = it->begin(); member != it->end(); ++member) {
        const bool fits = std::is_same_v<Value, bool> ? member->is_boolean() : member->is_string();
        if (!fits) {
            error = wrong_type(std::string(key) + "." + member.key(), *member);
            return false;
        }
        out[member.key()] = member->get<Value>();
    }
    return true;
}

bool read_severity(const json& doc, int& out, std::string& error) {
    auto it = doc.find("severity");
    if (it == doc.end()) return true;
    if (!it->is_number_integer()) {
        error = wrong_type("severity", *it);
        return false;
    }
    // Compare before narrowing; the range itself (the program's levels) is check_draft's business.
    const bool fits = it->is_number_unsigned()
                          ? it->get<std::uint64_t>() <= std::uint64_t(std::numeric_limits<int>::max())
                          : it->get<std::int64_t>() >= std::numeric_limits<int>::min() &&
                                it->get<std::int64_t>() <= std::numeric_limits<int>::max();
    if (!fits) {
        error = "severity: " + it->dump() + " is out of range";
        return false;
    }
    out = int(it->get<std::int64_t>());
    return true;
}

std::string route_titles(const Program& program) {
    std::string titles;
    for (const Route& route : program.routes) titles += (titles.empty() ? "" : ", ") + route.title;
    return titles;
}

void check_route_access(const Program& program, const Route& route, std::string_view plan_id,
                        std::vector<FieldIssue>& issues) {
    if (program.route_open_to(route, plan_id)) return;
    std::string open;
    for (const Route& other : program.routes)
        if (program.route_open_to(other, plan_id)) open += (open.empty() ? "" : ", ") + other.title;
    issues.push_back({"route", "Your support plan does not include " + route.title + " requests. " +
                                   (open.empty() ? std::string("Ask your administrator about a support plan.")
                                                 : "Choose one your plan offers: " + open + ".")});
}

void check_severity(const Program& program, int severity, std::vector<FieldIssue>& issues) {
    if (severity == 0)
        issues.push_back({"severity", "Choose a severity from " + program.severity_range_text() + "."});
    else if (!program.find_severity(severity))
        issues.push_back({"severity", "There is no severity " + std::to_string(severity) + "; choose one from " +
                                          program.severity_range_text() + "."});
}

void check_time_zone(const std::string& name, std::vector<FieldIssue>& issues) {
    if (name.empty()) {
        issues.push_back({"customer_time_zone",
                          "Choose the time zone your response time is counted in, like Europe/Berlin."});
        return;
    }
    if (!is_zone_name(name)) {
        issues.push_back({"customer_time_zone", "There is no time zone \"" + name +
                                                    "\"; choose a zone name like Europe/Berlin or America/New_York."});
    }
}

std::string value_of(const TicketDraft& draft, const std::string& field_id) {
    auto it = draft.fields.find(field_id);
    return it == draft.fields.end() ? std::string() : it->second;
}

// The tenant whose issuer a pasted token should name: the slug typed on the
// form when the route asks for one, else the tenant the ticket is filed for.
std::string tenant_of(const Route& route, const TicketDraft& draft) {
    for (const Field& field : route.fields) {
        if (field.kind != FieldKind::TenantSlug) continue;
        std::string slug(trim_spaces(value_of(draft, field.id)));
        if (tenant_slug_problem(slug).empty()) return slug;
    }
    return tenant_slug_problem(draft.tenant).empty() ? draft.tenant : std::string();
}

// The sent redirect URI against the registered ones, once both fields are readable on their own.
void check_redirect_match(const Route& route, const TicketDraft& draft, std::vector<FieldIssue>& issues) {
    const Field* list = nullptr;
    const Field* sent = nullptr;
    for (const Field& field : route.fields) {
        if (field.kind == FieldKind::UrlList && !list) list = &field;
        if (field.kind == FieldKind::RedirectUri && !sent) sent = &field;
    }
    if (!list || !sent) return;
    const std::string uri(trim_spaces(value_of(draft, sent->id)));
    const std::vector<std::string> registered = split_url_lines(value_of(draft, list->id));
    if (uri.empty() || registered.empty() || !parse_uri(uri)) return;
    const RedirectComparison comparison = compare_redirect_uri(registered, uri);
    if (!comparison.matches)
        issues.push_back({sent->id, redirect_mismatch_summary(comparison, registered, uri)});
}

}  // namespace

Parsed<TicketDraft> parse_ticket_draft(std::string_view json_text) {
    json doc = read_json(json_text);
    if (doc.is_discarded()) return {std::nullopt, "body: " + describe_invalid_json(json_text)};
    if (!doc.is_object()) return {std::nullopt, wrong_type("body", doc)};
    TicketDraft draft;
    std::string error;
    if (!doc.contains("route")) return {std::nullopt, "route: missing"};
    const bool ok = read_string(doc, "route", draft.route, error) && read_string(doc, "tenant", draft.tenant, error) &&
                    read_severity(doc, draft.severity, error) &&
                    read_string(doc, "customer_time_zone", draft.customer_time_zone, error) &&
                    read_string(doc, "escalates", draft.escalates, error) &&
                    read_map(doc, "fields", draft.fields, error) && read_map(doc, "answers", draft.answers, error) &&
                    read_map(doc, "checklist", draft.checklist, error);
    if (!ok) return {std::nullopt, error};
    return {std::move(draft), {}};
}

std::string ticket_draft_to_json(const TicketDraft& draft) {
    OrderedJsonObject doc;
    doc.set("tenant", draft.tenant)
        .set("route", draft.route)
        .set("severity", draft.severity)
        .set("customer_time_zone", draft.customer_time_zone)
        .set("escalates", draft.escalates)
        .set("fields", draft.fields)
        .set("answers", draft.answers)
        .set("checklist", draft.checklist);
    // dump replaces rather than throws on text that is not UTF-8; check_draft reports it on its field.
    return doc.dump();
}

std::vector<FieldIssue> check_draft(const Program& program, const TicketDraft& draft,
                                    std::optional<std::string_view> plan_id, const FieldCheckContext& context) {
    std::vector<FieldIssue> issues;
    const Route* route = program.find_route(draft.route);
    if (!route) {
        issues.push_back({"route", (draft.route.empty() ? std::string("Choose a support route")
                                                        : "There is no support route \"" + draft.route + "\"") +
                                       "; the routes are " + route_titles(program) + "."});
        return issues;
    }
    if (plan_id) check_route_access(program, *route, *plan_id, issues);
    check_severity(program, draft.severity, issues);
    check_time_zone(draft.customer_time_zone, issues);
    for (const auto& [id, value] : draft.fields)
        if (!route->find_field(id))
            issues.push_back({id, "The " + route->title + " form has no field \"" + id + "\"; remove it."});

    const std::string issuer = tenant_issuer(program, tenant_of(*route, draft));
    for (const Field& field : route->fields) {
        const std::string value = value_of(draft, field.id);
        std::vector<FieldIssue> found = field.kind == FieldKind::Jwt
                                            ? check_jwt_field(field, value, context, issuer)
                                            : check_field(program, field, value, context);
        issues.insert(issues.end(), found.begin(), found.end());
    }
    check_redirect_match(*route, draft, issues);
    return issues;
}

}  // namespace core
