// Invitations (migration 5): a link sent by e-mail that lets the invitee
// join the tenants it names, choosing a name and password for a new account
// or giving an existing account's own (invitation_routes). Valid for 7
// days, once. Only the SHA-256 of the link's token is stored.
#pragma once

#include "web/accounts/account_store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace web {

inline constexpr int64_t invitation_lifetime_seconds = 7 * 24 * 3600;

struct InvitationRecord {
    int64_t id = 0;
    int64_t user_id = 0;
    std::string email;            // of the invitee
    int64_t invited_by = 0;
    int64_t created_at = 0;
    int64_t expires_at = 0;
    std::optional<int64_t> used_at;
    std::vector<TenantRecord> tenants;
};

class InvitationStore {
public:
    explicit InvitationStore(sqlite3* connection) : connection_(connection) {}

    // Returns the new invitation's id.
    int64_t add(const std::string& token, int64_t user_id, int64_t invited_by, int64_t now,
                const std::vector<TenantRecord>& tenants);

    std::optional<InvitationRecord> find(const std::string& token);

    // Whether an unused, unexpired invitation of the user covers the tenant.
    bool pending(int64_t user_id, int64_t tenant_id, int64_t now);

    void mark_used(int64_t invitation_id, int64_t now);

private:
    sqlite3* connection_;
};

}  // namespace web
