// Who is making a request: the signed-in user and what they may do, as of
// this request (memberships are read fresh each time, so a revocation takes
// effect on the very next request).
#pragma once

#include "web/accounts/account_store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace web {

struct Caller {
    int64_t user_id = 0;
    std::string email;
    std::optional<std::string> name;
    int64_t session_id = 0;
    std::string csrf_token;
    std::vector<MembershipRecord> memberships;    // active ones only
    bool is_operator = false;                     // the vendor's operator (an API token's only)

    // The active membership in the tenant, or null.
    const MembershipRecord* membership_in(std::string_view tenant_slug) const {
        for (const MembershipRecord& membership : memberships)
            if (membership.tenant.slug == tenant_slug) return &membership;
        return nullptr;
    }

    // Signed in with an API token (a help desk, an operator's script), not a browser's session.
    bool via_api_token() const { return session_id == 0; }

    // The vendor's own support staff, who work on every tenant's tickets.
    bool is_support_engineer() const {
        for (const MembershipRecord& membership : memberships)
            if (membership.role == core::Role::SupportEngineer) return true;
        return false;
    }
};

}  // namespace web
