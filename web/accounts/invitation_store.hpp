// Invitations (migration 5): a link sent by e-mail that lets the invitee
// join the tenants it names, choosing a name and password for a new account
// or giving an existing account's own (invitation_routes). Valid for 7
// days, once. Only the SHA-256 of the link's token is stored.
#pragma once

#include "web/accounts/account_store.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace web {

inline constexpr std::chrono::days invitation_lifetime{7};

struct InvitationRecord {
    int64_t id = 0;
    int64_t user_id = 0;
    std::string email;            // of the invitee
    std::optional<int64_t> invited_by;   // none: the vendor's operator
    core::Instant created_at{};
    core::Instant expires_at{};
    std::optional<core::Instant> used_at;
    std::vector<TenantRecord> tenants;
};

class InvitationStore {
public:
    explicit InvitationStore(sqlite3* connection) : connection_(connection) {}

    // Returns the new invitation's id.
    int64_t add(const std::string& token, int64_t user_id, std::optional<int64_t> invited_by, core::Instant now,
                const std::vector<TenantRecord>& tenants);

    std::optional<InvitationRecord> find(const std::string& token);

    // Whether an unused, unexpired invitation of the user covers the tenant.
    bool pending(int64_t user_id, int64_t tenant_id, core::Instant now);

    void mark_used(int64_t invitation_id, core::Instant now);

private:
    sqlite3* connection_;
};

}  // namespace web
