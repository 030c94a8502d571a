#include "web/accounts/password_reset_store.hpp"

#include "web/accounts/account_store.hpp"
#include "web/accounts/secret_token.hpp"
#include "web/sso/company_sign_in_store.hpp"
#include "web/store/sqlite_statement.hpp"

#include <algorithm>

namespace web {

ResetEligibility reset_eligibility(sqlite3* connection, const std::string& email, int64_t* user_id) {
    AccountStore accounts(connection);
    std::optional<UserRecord> user = accounts.user_by_email(email);
    if (!user) return ResetEligibility::NoAccount;
    if (!user->password_hash) return ResetEligibility::NeverJoined;
    if (accounts.active_memberships_of(user->id).empty()) return ResetEligibility::NoAccess;
    if (CompanySignInStore(connection).password_refused_for(user->id)) return ResetEligibility::CompanySignInOnly;
    if (user_id) *user_id = user->id;
    return ResetEligibility::Eligible;
}

std::chrono::seconds PasswordResetStore::wait(const char* requests_of, const std::string& value, int allowed,
                                              core::Instant now) {
    // Free again once the allowed-th newest request of the window is a window old.
    Statement query(connection_, std::string("SELECT at FROM password_reset_requests WHERE ") + requests_of +
                                     " = ?1 AND at > ?2 ORDER BY at DESC LIMIT 1 OFFSET ?3");
    query.bind(1, value).bind(2, now - password_reset_window).bind(3, int64_t(allowed - 1));
    if (!query.step()) return std::chrono::seconds::zero();
    return std::max<std::chrono::seconds>(std::chrono::seconds{1}, query.instant(0) + password_reset_window - now);
}

std::chrono::seconds PasswordResetStore::request(const std::string& email, const std::string& address, core::Instant now) {
    Statement forget(connection_, "DELETE FROM password_reset_requests WHERE at <= ?1");
    forget.bind(1, now - password_reset_window).run();
    const std::chrono::seconds retry_after = std::max(wait("email", email, password_resets_per_email, now),
                                                      wait("address", address, password_resets_per_address, now));
    if (retry_after > std::chrono::seconds::zero()) return retry_after;
    Statement insert(connection_, "INSERT INTO password_reset_requests(email, address, at) VALUES(?1, ?2, ?3)");
    insert.bind(1, email).bind(2, address).bind(3, now).run();
    return std::chrono::seconds::zero();
}

void PasswordResetStore::add(const std::string& token, int64_t user_id, core::Instant now) {
    Statement forget(connection_, "DELETE FROM password_resets WHERE expires_at <= ?1");
    forget.bind(1, now - std::chrono::days{7}).run();   // until then an old link is told "expired"
    Statement insert(connection_,
                     "INSERT INTO password_resets(token_digest, user_id, created_at, expires_at) VALUES(?1, ?2, ?3, ?4)");
    insert.bind(1, token_digest(token)).bind(2, user_id).bind(3, now).bind(4, now + password_reset_lifetime).run();
}

std::optional<PasswordResetRecord> PasswordResetStore::find(const std::string& token) {
    Statement query(connection_,
                    "SELECT r.id, r.user_id, u.email, r.created_at, r.expires_at, r.used_at"
                    " FROM password_resets r JOIN users u ON u.id = r.user_id WHERE r.token_digest = ?1");
    query.bind(1, token_digest(token));
    if (!query.step()) return std::nullopt;
    PasswordResetRecord reset;
    reset.id = query.integer(0);
    reset.user_id = query.integer(1);
    reset.email = query.text(2);
    reset.created_at = query.instant(3);
    reset.expires_at = query.instant(4);
    reset.used_at = query.optional_instant(5);
    return reset;
}

void PasswordResetStore::use_all_of(int64_t user_id, core::Instant now) {
    Statement update(connection_, "UPDATE password_resets SET used_at = ?2 WHERE user_id = ?1 AND used_at IS NULL");
    update.bind(1, user_id).bind(2, now).run();
}

}  // namespace web
