#include "web/accounts/audit_log.hpp"

#include "web/store/sqlite_statement.hpp"

namespace web {

void write_audit(sqlite3* connection, const AuditEvent& event) {
    Statement insert(connection,
                     "INSERT INTO audit_log(at, tenant_id, actor_user_id, action, target_user_id, address)"
                     " VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, event.at).bind(2, event.tenant_id).bind(3, event.actor_user_id).bind(4, event.action);
    insert.bind(5, event.target_user_id).bind(6, event.address).run();
}

std::vector<AuditEntry> audit_entries(sqlite3* connection, int64_t tenant_id, int limit, std::optional<int64_t> before_id) {
    // Ordered by id, not time: ids grow with every entry, and two entries of
    // the same second keep the order they were written in.
    Statement query(connection,
                    "SELECT a.id, a.at, actor.email, actor.name, a.action, target.email, a.address"
                    " FROM audit_log a LEFT JOIN users actor ON actor.id = a.actor_user_id"
                    " JOIN users target ON target.id = a.target_user_id"
                    " WHERE a.tenant_id = ?1 AND a.id < ?2 ORDER BY a.id DESC LIMIT ?3");
    query.bind(1, tenant_id).bind(2, before_id.value_or(INT64_MAX)).bind(3, int64_t(limit));
    std::vector<AuditEntry> entries;
    while (query.step())
        entries.push_back(AuditEntry{query.integer(0), query.instant(1), query.optional_text(2), query.optional_text(3), query.text(4),
                                     query.text(5), query.text(6)});
    return entries;
}

}  // namespace web
