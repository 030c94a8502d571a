// Who is signed in, and the support-only users an admin manages: the JSON
// mapping of /api/v1/session and /api/v1/tenants/{tenant}/support-users
// (web/openapi.yaml). Parsing never throws; the service is not trusted.
#pragma once

#include "core/model/membership.hpp"
#include "core/text/parsed.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct Membership {
    std::string tenant;        // "acme-prod"
    std::string tenant_name;   // "Acme (production)"
    std::optional<Role> role;  // none: not told, or a role this portal does not know (grants nothing)
    std::string plan;          // the tenant's plan id ("standard", "trial", "none"); empty: not told
    std::string region;        // the tenant's region id of the program ("eu"); empty: not known
    std::string trial_ends_at; // ISO-8601, for a trial; empty otherwise
};

struct Account {
    std::string id, email, name;
    std::vector<Membership> memberships;
    std::string csrf_token;    // sent back on every state-changing request

    const Membership* membership(std::string_view tenant) const;
    bool is_admin_of(std::string_view tenant) const;
    bool administers_any() const;
    bool supports_any() const;   // the vendor's support engineer somewhere
};

struct SupportUser {
    std::string id, email, name;
    MembershipStatus status = MembershipStatus::Active;
    std::string invited_at;             // ISO-8601
    std::string invited_by;             // e-mail of the inviting admin
    std::string last_sign_in_at;        // empty: never
};

// One tenant a support user belongs to, and where that membership stands.
struct SupportUserTenant {
    std::string tenant, tenant_name;
    MembershipStatus status = MembershipStatus::Active;
};

struct SupportUserDetails {
    SupportUser user;
    std::vector<SupportUserTenant> tenants;
    int open_tickets = 0;
};

struct SupportUserPage {
    std::vector<SupportUser> items;
    std::string next_cursor;
    int total = 0;
};

struct AuditEntry {
    std::string at, actor, action, target, address;
};

struct AuditPage {
    std::vector<AuditEntry> items;     // newest first
    std::string next_cursor;           // older entries; empty on the last page
};

struct Invitation {
    std::string email, invited_by, expires_at;
    std::vector<Membership> tenants;
    bool existing_account = false;   // accepted with that account's password; no name or new password
};

Parsed<Account> parse_account(std::string_view json_text);
Parsed<SupportUserPage> parse_support_user_page(std::string_view json_text);
Parsed<SupportUserDetails> parse_support_user_details(std::string_view json_text);
Parsed<AuditPage> parse_audit_page(std::string_view json_text);
Parsed<Invitation> parse_invitation(std::string_view json_text);

// A problem+json answer: its detail (or title) and per-field errors.
struct Problem {
    std::string message;
    std::map<std::string, std::string> field_errors;
};
Problem parse_problem(std::string_view json_text, int status);

}  // namespace core
