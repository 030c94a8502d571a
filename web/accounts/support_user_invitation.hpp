// Inviting an address as a support-only user of one or more tenants (or, by
// the vendor's operator, as a tenant's admin or the vendor's engineer), all or
// nothing: the user (created if new), a membership per tenant in "invited"
// state, one invitation with a fresh link, its e-mail in the outbox, and an
// audit entry per tenant. Runs inside the caller's transaction; the caller
// has checked the address and that the inviter administers every tenant.
#pragma once

#include "web/accounts/account_store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace web {

struct InviteRequest {
    std::string email;                        // normalized and checked
    std::vector<TenantRecord> tenants;        // at least one, no repeats
    core::Role role = core::Role::SupportOnly;   // what the invitee becomes in each
    std::optional<int64_t> inviter_id;        // none: the vendor's operator (./portal admin)
    std::string inviter_email;                // empty for the operator
    std::optional<std::string> inviter_name;
    std::string address;                      // the inviter's, for the audit log
    core::Instant now{};
    std::string public_url;                   // for the link
    std::string product_name;                 // for the e-mail
};

struct InviteOutcome {
    // Empty when invited; otherwise why not (409: a pending invitation or an
    // active membership in one of the tenants), and nothing was changed.
    std::string conflict;
    int64_t invitation_id = 0;
    int64_t user_id = 0;
    core::Instant expires_at{};
    std::string token;                        // the link's; only in the e-mail
};

InviteOutcome invite_support_user(sqlite3* connection, const InviteRequest& request);

}  // namespace web
