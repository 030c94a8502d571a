// What the vendor's operator does to people from `./portal admin`: invite a
// tenant's first admin, invite a support engineer (of every tenant), list the
// engineers, and revoke an address everywhere. The operator is no user of the
// portal: invitations and audit entries name no inviter (migration 16).
#pragma once

#include "web/admin/operator_problem.hpp"
#include "core/sla/business_calendar.hpp"
#include "web/accounts/account_store.hpp"

#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace web {

struct OperatorInvite {
    std::string email;                  // as typed; normalized and checked here
    std::optional<std::string> tenant;  // a slug: its admin; none: a support engineer of every tenant
    std::string public_url;             // for the link
    std::string product_name;           // for the e-mail
    std::string address = "command line";   // the operator's, for the audit log
    core::Instant now{};
};

struct OperatorOutcome {
    OperatorProblem problem;            // none when done
    std::string link;                   // the invitation's, also in the e-mail in the outbox
    core::Instant expires_at{};
    std::vector<std::string> tenants;   // slugs the invitation or revocation covered
    bool was_operator = false;          // revoke: it was one of the vendor's operators until now
};

OperatorOutcome operator_invite(sqlite3* connection, const OperatorInvite& invite);

struct EngineerRow {
    std::string email;
    std::optional<std::string> name;
    std::string status;                 // "active", "invited" or "revoked": the most hopeful of their memberships
    int tenants = 0;                    // how many tenants they are active in
};

std::vector<EngineerRow> support_engineers(sqlite3* connection);

// Every membership of the address ends now, and with them its sessions, its
// API tokens and its being an operator.
// `address` is the operator's, for the audit log.
OperatorOutcome operator_revoke(sqlite3* connection, const std::string& email, core::Instant now,
                                const std::string& address = "command line");

}  // namespace web
