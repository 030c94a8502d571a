// Field-level validation of what a customer types into a route's form: one
// rule per core::FieldKind, each message saying what is wrong and how to fix
// it. Nothing here reads the clock or the network; `now` and the user's zone
// come in with the context.
#pragma once
#include "core/sla/business_calendar.hpp"   // Instant
#include "core/program/program.hpp"
#include <optional>
#include <string>
#include <string_view>
#include <vector>
namespace date { class time_zone; }
namespace core {
struct FieldIssue {
    std::string field;        // the field id ("redirect_uri"); "severity", "route", "customer_time_zone" for those
    std::string message;      // what is wrong and how to fix it
    bool blocking = true;     // false: a warning shown beside the field that does not stop submission
    bool operator==(const FieldIssue&) const = default;
};
struct FieldCheckContext {
    Instant now;                               // for "in the future" (clock skew) and token expiry
    const core::TimeZone* zone = nullptr;     // the user's zone: timestamps without an offset are read in it; nullptr = UTC
};
// One field's value as typed. An empty optional field passes; an empty required one says it is required.
std::vector<FieldIssue> check_field(const Program& program, const Field& field, std::string_view value, const FieldCheckContext& context);

// Spaces and line breaks around a value are ignored for every kind but free
// text: pasting often brings them along. Free text counts them.

// A timestamp more than this far ahead of `now` is flagged as possible clock skew.
inline constexpr std::chrono::minutes timestamp_skew_allowance{5};

// A Jwt field: blocking only when the token cannot be decoded; every problem
// and warning found in it is a non-blocking issue. With `expected_issuer`
// (see tenant_issuer in jwt_inspection.hpp) the iss claim is checked too.
std::vector<FieldIssue> check_jwt_field(const Field& field, std::string_view value, const FieldCheckContext& context,
                                        std::string_view expected_issuer);
}
