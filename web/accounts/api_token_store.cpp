#include "web/accounts/api_token_store.hpp"

#include "web/accounts/account_store.hpp"
#include "web/accounts/secret_token.hpp"
#include "web/store/sqlite_statement.hpp"

#include <chrono>

namespace web {

namespace {

// Last use is kept to the minute: not a write per request.
constexpr std::chrono::seconds last_used_precision{60};

}  // namespace

std::string ApiTokenStore::issue(int64_t user_id, core::Instant now) {
    const std::string token = api_token_prefix + new_secret_token();
    Statement insert(connection_, "INSERT INTO api_tokens(token_digest, user_id, created_at) VALUES(?1, ?2, ?3)");
    insert.bind(1, token_digest(token)).bind(2, user_id).bind(3, now).run();
    return token;
}

std::optional<Caller> ApiTokenStore::caller(const std::string& token, core::Instant now) {
    if (!token.starts_with(api_token_prefix)) return std::nullopt;
    Statement query(connection_,
                    "SELECT t.id, t.last_used_at, u.id, u.email, u.name, u.is_operator"
                    " FROM api_tokens t JOIN users u ON u.id = t.user_id"
                    " WHERE t.token_digest = ?1");
    query.bind(1, token_digest(token));
    if (!query.step()) return std::nullopt;
    Caller caller;
    const int64_t token_id = query.integer(0);
    const std::optional<core::Instant> last_used = query.optional_instant(1);
    caller.user_id = query.integer(2);
    caller.email = query.text(3);
    caller.name = query.optional_text(4);
    caller.is_operator = query.integer(5) != 0;
    query.reset();   // done with the row before writing (see SessionStore::caller)
    caller.memberships = AccountStore(connection_).active_memberships_of(caller.user_id);
    if (!caller.is_support_engineer() && !caller.is_operator) return std::nullopt;
    if (!last_used || now - *last_used >= last_used_precision) {
        try {   // best effort, as a session's last use
            Statement touch(connection_, "UPDATE api_tokens SET last_used_at = ?2 WHERE id = ?1");
            touch.bind(1, token_id).bind(2, now).run();
        } catch (const DatabaseError&) {
        }
    }
    return caller;
}

void ApiTokenStore::revoke_all_of(int64_t user_id) {
    Statement remove(connection_, "DELETE FROM api_tokens WHERE user_id = ?1");
    remove.bind(1, user_id).run();
}

}  // namespace web
