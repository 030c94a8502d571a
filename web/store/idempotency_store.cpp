#include "web/store/idempotency_store.hpp"

#include "web/accounts/secret_token.hpp"
#include "web/store/sqlite_statement.hpp"

namespace web {

std::optional<StoredAnswer> IdempotencyStore::find(int64_t user_id, const std::string& key, core::Instant now) {
    Statement forget(connection_, "DELETE FROM idempotency_keys WHERE created_at <= ?1");
    forget.bind(1, now - idempotency_key_lifetime).run();

    Statement query(connection_, "SELECT request_digest, status, body FROM idempotency_keys WHERE user_id = ?1 AND key = ?2");
    query.bind(1, user_id).bind(2, key);
    if (!query.step()) return std::nullopt;
    return StoredAnswer{query.text(0), int(query.integer(1)), query.text(2)};
}

void IdempotencyStore::remember(int64_t user_id, const std::string& key, const StoredAnswer& answer, core::Instant now) {
    Statement insert(connection_,
                     "INSERT INTO idempotency_keys(user_id, key, request_digest, status, body, created_at)"
                     " VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, user_id).bind(2, key).bind(3, answer.request_digest).bind(4, int64_t(answer.status)).bind(5, answer.body);
    insert.bind(6, now).run();
}

std::string request_digest(const std::string& method, const std::string& path, const std::string& body) {
    return token_digest(method + "\n" + path + "\n" + body);
}

}  // namespace web
