#include "web/accounts/invitation_store.hpp"

#include "web/accounts/account_store.hpp"
#include "web/accounts/secret_token.hpp"
#include "web/store/sqlite_statement.hpp"

namespace web {

int64_t InvitationStore::add(const std::string& token, int64_t user_id, std::optional<int64_t> invited_by, core::Instant now,
                             const std::vector<TenantRecord>& tenants) {
    Statement insert(connection_,
                     "INSERT INTO invitations(token_digest, user_id, invited_by, created_at, expires_at)"
                     " VALUES(?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, token_digest(token)).bind(2, user_id).bind(3, invited_by).bind(4, now).bind(5, now + invitation_lifetime).run();
    int64_t id = last_insert_id(connection_);
    Statement add_tenant(connection_, "INSERT INTO invitation_tenants(invitation_id, tenant_id) VALUES(?1, ?2)");
    for (const TenantRecord& tenant : tenants) {
        add_tenant.bind(1, id).bind(2, tenant.id).run();
        add_tenant.reset();
    }
    return id;
}

std::optional<InvitationRecord> InvitationStore::find(const std::string& token) {
    Statement query(connection_,
                    "SELECT i.id, i.user_id, u.email, i.invited_by, i.created_at, i.expires_at, i.used_at"
                    " FROM invitations i JOIN users u ON u.id = i.user_id WHERE i.token_digest = ?1");
    query.bind(1, token_digest(token));
    if (!query.step()) return std::nullopt;
    InvitationRecord invitation;
    invitation.id = query.integer(0);
    invitation.user_id = query.integer(1);
    invitation.email = query.text(2);
    invitation.invited_by = query.optional_integer(3);
    invitation.created_at = query.instant(4);
    invitation.expires_at = query.instant(5);
    invitation.used_at = query.optional_instant(6);

    Statement tenants(connection_,
                      "SELECT t.slug FROM invitation_tenants it JOIN tenants t ON t.id = it.tenant_id"
                      " WHERE it.invitation_id = ?1 ORDER BY t.slug");
    tenants.bind(1, invitation.id);
    AccountStore accounts(connection_);
    while (tenants.step()) invitation.tenants.push_back(*accounts.tenant(tenants.text(0)));
    return invitation;
}

bool InvitationStore::pending(int64_t user_id, int64_t tenant_id, core::Instant now) {
    Statement query(connection_,
                    "SELECT 1 FROM invitations i JOIN invitation_tenants it ON it.invitation_id = i.id"
                    " WHERE i.user_id = ?1 AND it.tenant_id = ?2 AND i.used_at IS NULL AND i.expires_at > ?3 LIMIT 1");
    query.bind(1, user_id).bind(2, tenant_id).bind(3, now);
    return query.step();
}

void InvitationStore::mark_used(int64_t invitation_id, core::Instant now) {
    Statement update(connection_, "UPDATE invitations SET used_at = ?2 WHERE id = ?1");
    update.bind(1, invitation_id).bind(2, now).run();
}

}  // namespace web
