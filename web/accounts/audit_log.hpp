// The audit log (migration 7): every user-management action, per tenant,
// with who did it, to whom, when and from which address. Admins of the
// tenant read it newest first (GET /api/v1/tenants/{tenant}/audit).
#pragma once

#include "core/sla/business_calendar.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace web {

struct AuditEvent {
    core::Instant at{};
    int64_t tenant_id = 0;
    std::optional<int64_t> actor_user_id;   // none: the vendor's operator (./portal admin)
    std::string action;           // invite | reinvite | accept | revoke
    int64_t target_user_id = 0;
    std::string address;
};

struct AuditEntry {
    int64_t id = 0;
    core::Instant at{};
    std::optional<std::string> actor_email;   // none: the vendor's operator
    std::optional<std::string> actor_name;
    std::string action;
    std::string target_email;
    std::string address;
};

void write_audit(sqlite3* connection, const AuditEvent& event);

// Up to `limit` entries of the tenant, newest first, older than entry
// `before_id` when given.
std::vector<AuditEntry> audit_entries(sqlite3* connection, int64_t tenant_id, int limit, std::optional<int64_t> before_id);

}  // namespace web
