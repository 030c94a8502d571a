// Creating tenants and changing their plans, as the vendor's operator does
// from `./portal admin` (admin_command). Every input is checked with core's
// rules and the program before anything changes; a problem is one sentence.
#pragma once

#include "web/admin/operator_problem.hpp"
#include "core/program/program.hpp"
#include "core/sla/business_calendar.hpp"
#include "web/accounts/account_store.hpp"

#include <optional>
#include <string>

struct sqlite3;

namespace web {

// What a vendor with no tenant yet runs first; the service's start and
// `tenant list` both say it.
inline constexpr const char* first_tenant_command =
    "./portal admin tenant add --slug S --name N --plan P --region R";

struct NewTenant {
    std::string slug;                         // "acme-prod"
    std::string name;                         // "Acme (production)"
    std::string plan;                         // a plan id of the program
    std::string region;                       // a region id of the program
    std::optional<std::string> trial_started; // YYYY-MM-DD, for a trial plan: its days count from there
};

struct TenantChange {
    OperatorProblem problem;                  // none when done
    std::optional<TenantRecord> tenant;       // as it is now
    bool unchanged = false;                   // tenant plan: it had that plan already
};

// Adds the tenant in one transaction; the vendor's support engineers become
// its engineers too, as they are of every other tenant.
TenantChange add_tenant(sqlite3* connection, const core::Program& program, NewTenant tenant, core::Instant now);

// Moves the tenant to another plan of the program. Tickets filed from now on
// get that plan's targets; open tickets keep the targets they were filed
// under (the program states no other rule for a change of plan).
TenantChange change_plan(sqlite3* connection, const core::Program& program, const std::string& slug,
                         const std::string& plan);

}  // namespace web
