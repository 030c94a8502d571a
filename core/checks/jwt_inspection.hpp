// A JSON Web Token pasted into the form, decoded where it was pasted: header
// and claims are base64url JSON that anyone can read, so nothing is sent
// anywhere. The signature is not verified (the page has no keys); what can
// be seen without keys is checked: an unsigned token, a shared-secret
// algorithm where the platform signs with RS256, a missing key id, an
// expired token, clock skew, and an issuer that is not the tenant's.
#pragma once

#include "core/sla/business_calendar.hpp"   // Instant
#include "core/program/program.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace core {

enum class JwtFindingLevel {
    Problem,   // a validator rejects the token, or should
    Warning,   // likely the cause of a failure, worth a look
    Note,      // unusual but possibly fine
};

// "problem", "warning", "note": as the HAR report and the token viewer write them.
constexpr std::string_view to_string(JwtFindingLevel level) {
    return level == JwtFindingLevel::Problem ? "problem" : level == JwtFindingLevel::Warning ? "warning" : "note";
}

struct JwtFinding {
    JwtFindingLevel level = JwtFindingLevel::Note;
    std::string message;
    bool operator==(const JwtFinding&) const = default;
};

struct JwtClaimLine {
    std::string name;    // "exp"
    std::string value;   // "Tue 22 Mar 2011, 18:43 UTC (13 years ago)"; strings without quotes
    bool operator==(const JwtClaimLine&) const = default;
};

struct JwtInspection {
    bool decoded = false;
    std::string error;                     // why it could not be decoded, when !decoded
    std::string header_json;               // pretty-printed, members in token order
    std::string claims_json;
    std::vector<JwtClaimLine> claim_lines; // one per claim, times shown as instants
    std::vector<JwtFinding> findings;
};

struct JwtExpectations {
    Instant now;                            // for exp, iat, nbf
    const core::TimeZone* zone = nullptr;  // the user's, for times in claim lines; nullptr = UTC
    std::string issuer;                     // the tenant's issuer; empty: not checked
};

// Surrounding spaces and a "Bearer " in front are tolerated.
JwtInspection inspect_jwt(std::string_view token, const JwtExpectations& expectations);

// The issuer of tenant `slug`'s tokens from the program's pattern; empty when
// the program has none.
std::string tenant_issuer(const Program& program, std::string_view slug);

}  // namespace core
