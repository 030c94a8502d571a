// Demo accounts (--demo, --demo-support-users N), added only to a database
// without users: tenants acme-prod (enterprise, EU) and globex-dev
// (standard, Americas), an admin of each, an owner who administers both, a
// trial tenant initech-trial (APAC, 9 days left) and hooli-free (no plan)
// with an admin each, a support engineer of the vendor in every tenant, and
// support-only users in every state (active, invited with a link waiting in
// the development mailbox, revoked), with the audit history that led there.
// Every demo account signs in with the password "demo-password".
#pragma once

#include "web/store/database.hpp"
#include "web/demo/demo_tickets.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace web {

inline constexpr const char* demo_password = "demo-password";
inline constexpr const char* demo_engineer_email = "engineer@vendor.example";

struct DemoAccountsSetting {
    std::string public_url;      // for the invitation links
    std::string product_name;    // for the invitation e-mails
    int synthetic_support_users = 0;   // more support-only users in acme-prod, for load
    int trial_days = 22;         // the program's trial length: the trial tenant has 9 of them left
};

// Returns empty or why it failed; `added` is how many users went in (0 when
// there were users already).
std::string seed_demo_accounts(Database& database, const DemoAccountsSetting& setting, core::Instant now, int64_t& added);

// The demo tenants that exist, each with a few of its members to open its
// demo tickets.
std::vector<DemoTicketTenant> demo_ticket_tenants(Database& database);

// Tickets without a tenant (the demo tickets of a start before tenants
// existed) dealt to the demo tenants in turn, so their people see them.
// Returns how many; call only right after the demo accounts were added.
int64_t give_demo_tenants_the_tickets_without_one(Database& database);

}  // namespace web
