#include "web/sso/company_sign_in_store.hpp"

#include "web/accounts/account_store.hpp"
#include "web/accounts/secret_token.hpp"
#include "web/store/sqlite_statement.hpp"

#include "core/checks/id_token.hpp"

#include <algorithm>

namespace web {

std::optional<CompanySignInSetup> CompanySignInStore::setup_where(const std::string& condition,
                                                                  const std::optional<std::string>& value) {
    Statement query(connection_, "SELECT s.id, s.tenant_id, t.slug, s.issuer, s.client_id, s.client_secret, s.password_sign_in"
                                 " FROM sso_setups s LEFT JOIN tenants t ON t.id = s.tenant_id WHERE " + condition);
    if (value) query.bind(1, *value);
    if (!query.step()) return std::nullopt;
    CompanySignInSetup setup;
    setup.id = query.integer(0);
    setup.tenant_id = query.optional_integer(1);
    setup.tenant_slug = query.optional_text(2).value_or("");
    setup.issuer = query.text(3);
    setup.client_id = query.text(4);
    setup.client_secret = query.text(5);
    setup.password_sign_in = query.integer(6) != 0;
    Statement domains(connection_, "SELECT domain FROM sso_domains WHERE setup_id = ?1 ORDER BY domain");
    domains.bind(1, setup.id);
    while (domains.step()) setup.domains.push_back(domains.text(0));
    return setup;
}

std::optional<CompanySignInSetup> CompanySignInStore::setup(int64_t id) {
    return setup_where("s.id = CAST(?1 AS INTEGER)", std::to_string(id));
}

std::optional<CompanySignInSetup> CompanySignInStore::setup_of(std::optional<int64_t> tenant_id) {
    if (!tenant_id) return setup_where("s.tenant_id IS NULL", std::nullopt);
    return setup_where("s.tenant_id = CAST(?1 AS INTEGER)", std::to_string(*tenant_id));
}

std::optional<CompanySignInSetup> CompanySignInStore::setup_for_domain(const std::string& domain) {
    return setup_where("s.id = (SELECT setup_id FROM sso_domains WHERE domain = ?1)", domain);
}

void CompanySignInStore::save(const CompanySignInSetup& setup, core::Instant now) {
    std::optional<CompanySignInSetup> before = setup_of(setup.tenant_id);
    int64_t id = 0;
    if (before) {
        id = before->id;
        Statement update(connection_, "UPDATE sso_setups SET issuer = ?2, client_id = ?3, client_secret = ?4,"
                                      " password_sign_in = ?5, updated_at = ?6 WHERE id = ?1");
        update.bind(1, id).bind(2, setup.issuer).bind(3, setup.client_id).bind(4, setup.client_secret)
            .bind(5, int64_t(setup.password_sign_in ? 1 : 0)).bind(6, now).run();
    } else {
        Statement insert(connection_, "INSERT INTO sso_setups(tenant_id, issuer, client_id, client_secret, password_sign_in,"
                                      " updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
        insert.bind(1, setup.tenant_id).bind(2, setup.issuer).bind(3, setup.client_id).bind(4, setup.client_secret)
            .bind(5, int64_t(setup.password_sign_in ? 1 : 0)).bind(6, now).run();
        id = last_insert_id(connection_);
    }
    Statement forget(connection_, "DELETE FROM sso_domains WHERE setup_id = ?1");
    forget.bind(1, id).run();
    for (const std::string& domain : setup.domains) {
        Statement insert(connection_, "INSERT INTO sso_domains(domain, setup_id) VALUES(?1, ?2)");
        insert.bind(1, domain).bind(2, id).run();
    }
}

bool CompanySignInStore::remove(std::optional<int64_t> tenant_id) {
    std::optional<CompanySignInSetup> setup = setup_of(tenant_id);
    if (!setup) return false;
    // Sign-ins on their way through it end with it.
    for (const char* sql : {"DELETE FROM sso_domains WHERE setup_id = ?1", "DELETE FROM sso_attempts WHERE setup_id = ?1",
                            "DELETE FROM sso_setups WHERE id = ?1"}) {
        Statement statement(connection_, sql);
        statement.bind(1, setup->id).run();
    }
    return true;
}

bool CompanySignInStore::password_refused_for(int64_t user_id) {
    // A customer's choice binds its members, but not the vendor's engineers, who belong to every tenant.
    Statement tenants(connection_,
                      "SELECT 1 FROM memberships m JOIN sso_setups s ON s.tenant_id = m.tenant_id"
                      " WHERE m.user_id = ?1 AND m.status = 'active' AND m.role != 'support_engineer'"
                      " AND s.password_sign_in = 0 LIMIT 1");
    tenants.bind(1, user_id);
    if (tenants.step()) return true;
    // The vendor's choice binds its engineers of the domains it names.
    std::optional<UserRecord> user = AccountStore(connection_).user_by_id(user_id);
    if (!user) return false;
    Statement vendor(connection_,
                     "SELECT 1 FROM sso_setups s JOIN sso_domains d ON d.setup_id = s.id"
                     " WHERE s.tenant_id IS NULL AND s.password_sign_in = 0 AND d.domain = ?2"
                     " AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = ?1 AND m.status = 'active'"
                     "             AND m.role = 'support_engineer')");
    vendor.bind(1, user_id).bind(2, core::email_domain(user->email));
    return vendor.step();
}

std::chrono::seconds CompanySignInStore::wait_to_start(const std::string& address, core::Instant now) {
    // Free again once the allowed-th newest waiting sign-in expires.
    Statement query(connection_, "SELECT expires_at FROM sso_attempts WHERE address = ?1 AND expires_at > ?2"
                                 " ORDER BY expires_at DESC LIMIT 1 OFFSET ?3");
    query.bind(1, address).bind(2, now).bind(3, int64_t(company_sign_ins_waiting_per_address - 1));
    if (!query.step()) return std::chrono::seconds::zero();
    return std::max<std::chrono::seconds>(std::chrono::seconds{1}, query.instant(0) - now);
}

void CompanySignInStore::add_pending(const std::string& state, const PendingSignIn& pending, core::Instant now) {
    Statement expired(connection_, "DELETE FROM sso_attempts WHERE expires_at <= ?1");
    expired.bind(1, now).run();
    Statement insert(connection_,
                     "INSERT INTO sso_attempts(state_digest, browser_digest, setup_id, nonce, code_verifier, created_at,"
                     " expires_at, address) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    insert.bind(1, token_digest(state)).bind(2, pending.browser_digest).bind(3, pending.setup_id).bind(4, pending.nonce)
        .bind(5, pending.code_verifier).bind(6, now).bind(7, pending.expires_at).bind(8, pending.address).run();
}

std::optional<PendingSignIn> CompanySignInStore::take_pending(const std::string& state, core::Instant now) {
    Statement expired(connection_, "DELETE FROM sso_attempts WHERE expires_at <= ?1");
    expired.bind(1, now).run();
    Statement query(connection_,
                    "SELECT setup_id, browser_digest, nonce, code_verifier, expires_at FROM sso_attempts WHERE state_digest = ?1");
    query.bind(1, token_digest(state));
    if (!query.step()) return std::nullopt;
    PendingSignIn pending;
    pending.setup_id = query.integer(0);
    pending.browser_digest = query.text(1);
    pending.nonce = query.text(2);
    pending.code_verifier = query.text(3);
    pending.expires_at = query.instant(4);
    Statement used(connection_, "DELETE FROM sso_attempts WHERE state_digest = ?1");
    used.bind(1, token_digest(state)).run();
    return pending;
}

}  // namespace web
