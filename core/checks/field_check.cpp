#include "core/checks/field_check.hpp"

#include "core/text/duration_text.hpp"
#include "core/checks/email_address.hpp"
#include "core/checks/free_text.hpp"
#include "core/checks/identifier_check.hpp"
#include "core/checks/jwt_inspection.hpp"
#include "core/checks/redirect_uri.hpp"
#include "core/checks/tenant_slug.hpp"
#include "core/text/time_text.hpp"
#include "core/checks/timestamp_text.hpp"
#include "core/text/ascii_text.hpp"
#include "core/text/utf8_text.hpp"

#include <algorithm>

namespace core {

namespace {

// The earliest time anyone reports to support: earlier ones are typos in the year.
constexpr Instant earliest_timestamp = date::sys_days{date::year{2000} / 1 / 1};

std::vector<FieldIssue> issue(const Field& field, std::string message) {
    if (message.empty()) return {};
    return {{field.id, std::move(message), true}};
}

std::string required_message(const Field& field) {
    if (field.kind == FieldKind::Choice) return field.caption + " is required; choose one of the options.";
    if (!field.example.empty() && field.kind != FieldKind::LongText)
        return field.caption + " is required; for example " + field.example + ".";
    return field.caption + " is required.";
}

std::vector<FieldIssue> check_timestamp(const Field& field, std::string_view value, const FieldCheckContext& context) {
    TimestampReading reading = read_timestamp(value, context.zone);
    if (!reading.instant) return issue(field, reading.error);
    if (*reading.instant < earliest_timestamp)
        return issue(field, format_full(*reading.instant, context.zone) + " is before 2000; check the year.");
    if (*reading.instant > context.now + timestamp_skew_allowance) {
        return {{field.id,
                 format_full(*reading.instant, context.zone) + " is " +
                     duration_text(*reading.instant - context.now) + " in the future. If that is what the log says, the clock of your computer or of the "
                     "server may be off (clock skew); check that both set their time by NTP.",
                 false}};
    }
    return {};
}

std::vector<FieldIssue> check_choice(const Field& field, std::string_view value) {
    if (std::find(field.choices.begin(), field.choices.end(), value) != field.choices.end()) return {};
    std::string options;
    for (const std::string& choice : field.choices) options += (options.empty() ? "" : ", ") + choice;
    return issue(field, "\"" + std::string(value) + "\" is not one of the options; choose one of: " + options + ".");
}

std::vector<FieldIssue> check_url_list(const Field& field, std::string_view value) {
    std::vector<FieldIssue> issues;
    size_t line_number = 0;
    for (size_t start = 0; start <= value.size();) {
        const size_t end = value.find('\n', start);
        std::string_view line = trim_spaces(value.substr(start, end == std::string_view::npos ? end : end - start));
        ++line_number;
        if (!line.empty()) {
            std::string problem = http_url_problem(line);
            if (!problem.empty())
                issues.push_back({field.id, "Line " + std::to_string(line_number) + ": " + problem, true});
        }
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return issues;
}

std::vector<FieldIssue> check_redirect_uri(const Field& field, std::string_view value) {
    std::vector<FieldIssue> issues;
    for (std::string& problem : redirect_uri_problems(value)) issues.push_back({field.id, std::move(problem), true});
    return issues;
}

std::vector<FieldIssue> check_identifier(const Program& program, const Field& field, std::string_view value) {
    if (const IdentifierFormat* format = program.find_identifier_format(field.kind))
        return issue(field, identifier_problem(*format, value));
    return issue(field, free_identifier_problem(value, field.example));
}

}  // namespace

std::vector<FieldIssue> check_jwt_field(const Field& field, std::string_view value, const FieldCheckContext& context,
                                        std::string_view expected_issuer) {
    if (trim_spaces(value).empty()) return field.required ? issue(field, required_message(field)) : std::vector<FieldIssue>{};
    JwtInspection inspection = inspect_jwt(value, {context.now, context.zone, std::string(expected_issuer)});
    if (!inspection.decoded) return issue(field, inspection.error);
    std::vector<FieldIssue> issues;
    for (JwtFinding& finding : inspection.findings)
        if (finding.level != JwtFindingLevel::Note) issues.push_back({field.id, std::move(finding.message), false});
    return issues;
}

std::vector<FieldIssue> check_field(const Program& program, const Field& field, std::string_view value,
                                    const FieldCheckContext& context) {
    const bool free_text = field.kind == FieldKind::Text || field.kind == FieldKind::LongText;
    const std::string_view trimmed = trim_spaces(value);
    if (trimmed.empty()) return field.required ? issue(field, required_message(field)) : std::vector<FieldIssue>{};
    if (!free_text) value = trimmed;

    switch (field.kind) {
        case FieldKind::Text: return issue(field, line_text_problem(value));
        case FieldKind::LongText: return issue(field, long_text_problem(value));
        case FieldKind::TenantSlug: return issue(field, tenant_slug_problem(value));
        case FieldKind::OrganizationId:
        case FieldKind::ApplicationKey:
        case FieldKind::Identifier: return check_identifier(program, field, value);
        case FieldKind::Url: return issue(field, http_url_problem(value));
        case FieldKind::Email: return issue(field, email_address_problem(normalize_email_address(value)));
        case FieldKind::Timestamp: return check_timestamp(field, value, context);
        case FieldKind::Choice: return check_choice(field, value);
        case FieldKind::RedirectUri: return check_redirect_uri(field, value);
        case FieldKind::UrlList: return check_url_list(field, value);
        case FieldKind::Jwt: return check_jwt_field(field, value, context, "");
    }
    return {};
}

}  // namespace core
