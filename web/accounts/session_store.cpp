#include "web/accounts/session_store.hpp"

#include "web/accounts/secret_token.hpp"
#include "web/store/sqlite_statement.hpp"

namespace web {

namespace {

// last_seen_at is written only when it is at least this old.
constexpr std::chrono::seconds last_seen_precision{60};

}  // namespace

NewSession SessionStore::open(int64_t user_id, core::Instant now, const std::string& address) {
    NewSession session{new_secret_token(), new_secret_token()};
    Statement insert(connection_,
                     "INSERT INTO sessions(token_digest, user_id, csrf_token, created_at, last_seen_at, address)"
                     " VALUES(?1, ?2, ?3, ?4, ?4, ?5)");
    insert.bind(1, token_digest(session.token)).bind(2, user_id).bind(3, session.csrf_token).bind(4, now).bind(5, address).run();
    return session;
}

std::optional<Caller> SessionStore::caller(const std::string& token, core::Instant now) {
    Statement query(connection_,
                    "SELECT s.id, s.csrf_token, s.created_at, s.last_seen_at, u.id, u.email, u.name"
                    " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_digest = ?1");
    query.bind(1, token_digest(token));
    if (!query.step()) return std::nullopt;
    const core::Instant created_at = query.instant(2);
    const core::Instant last_seen_at = query.instant(3);
    if (now - last_seen_at >= session_idle_limit || now - created_at >= session_lifetime) return std::nullopt;

    Caller caller;
    caller.session_id = query.integer(0);
    caller.csrf_token = query.text(1);
    caller.user_id = query.integer(4);
    caller.email = query.text(5);
    caller.name = query.optional_text(6);
    // Done with the row: an open read would make the touch below fail at once
    // (SQLITE_BUSY) whenever another connection has written since it began.
    query.reset();
    caller.memberships = AccountStore(connection_).active_memberships_of(caller.user_id);
    // Sessions end with the last membership (revoke does that too); this
    // covers any other way of losing it.
    if (caller.memberships.empty()) return std::nullopt;

    if (now - last_seen_at >= last_seen_precision) touch(caller.session_id, now);
    return caller;
}

// Best effort: a session seen a minute late is no harm, a request refused
// because another one held the write lock past busy_timeout would be.
void SessionStore::touch(int64_t session_id, core::Instant now) {
    try {
        Statement touch(connection_, "UPDATE sessions SET last_seen_at = ?2 WHERE id = ?1 AND last_seen_at < ?2");
        touch.bind(1, session_id).bind(2, now).run();
    } catch (const DatabaseError&) {
    }
}

void SessionStore::close(int64_t session_id) {
    Statement remove(connection_, "DELETE FROM sessions WHERE id = ?1");
    remove.bind(1, session_id).run();
}

void SessionStore::close_all_of(int64_t user_id) {
    Statement remove(connection_, "DELETE FROM sessions WHERE user_id = ?1");
    remove.bind(1, user_id).run();
}

void SessionStore::remove_expired(core::Instant now) {
    Statement remove(connection_, "DELETE FROM sessions WHERE last_seen_at <= ?1 OR created_at <= ?2");
    remove.bind(1, now - session_idle_limit).bind(2, now - session_lifetime).run();
}

}  // namespace web
