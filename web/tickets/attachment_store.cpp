#include "web/tickets/attachment_store.hpp"

#include "web/accounts/secret_token.hpp"
#include "web/store/sqlite_statement.hpp"

namespace web {

namespace {

// ?9: the instant at or before which a closing makes a ticket's attachments expire (NULL: never).
constexpr const char* columns =
    "SELECT a.public_id, a.ticket_id, a.kind, a.media_type, a.file_name, a.size, a.sha256, a.added_by_kind, u.email, u.name, a.created_at"
    " FROM attachments a LEFT JOIN users u ON u.id = a.added_by JOIN tickets t ON t.id = a.ticket_id"
    " WHERE NOT (?9 IS NOT NULL AND t.status = 'closed' AND t.closed_at IS NOT NULL AND t.closed_at <= ?9)";

AttachmentRecord record_of(const Statement& row) {
    return AttachmentRecord{row.text(0), row.text(1), row.text(2),          row.text(3),          row.text(4),     row.integer(5),
                            row.text(6), row.text(7), row.optional_text(8), row.optional_text(9), row.instant(10)};
}

}  // namespace

std::optional<core::Instant> attachments_expired_before(core::Instant now, int days) {
    if (days <= 0) return std::nullopt;
    return now - std::chrono::days(days);
}

AttachmentRecord AttachmentRows::add(const std::string& ticket_id, const std::string& kind, const std::string& media_type,
                                     const std::string& file_name, const std::string& bytes, int64_t added_by,
                                     const std::string& added_by_kind, core::Instant at) {
    const std::string id = "att_" + random_hex(12);
    Statement insert(connection_,
                     "INSERT INTO attachments(public_id, ticket_id, kind, media_type, file_name, size, sha256, added_by, added_by_kind, created_at)"
                     " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    insert.bind(1, id).bind(2, ticket_id).bind(3, kind).bind(4, media_type).bind(5, file_name).bind(6, int64_t(bytes.size()));
    insert.bind(7, token_digest(bytes)).bind(8, added_by).bind(9, added_by_kind).bind(10, at).run();
    Statement keep(connection_, "INSERT INTO attachment_bytes(attachment_id, bytes) VALUES(?1, ?2)");
    keep.bind(1, last_insert_id(connection_)).bind_blob(2, bytes).run();
    return *find(ticket_id, id, std::nullopt);
}

std::vector<AttachmentRecord> AttachmentRows::of_ticket(const std::string& ticket_id, std::optional<core::Instant> expired_before) {
    Statement query(connection_, std::string(columns) + " AND a.ticket_id = ?1 ORDER BY a.created_at, a.id");
    query.bind(1, ticket_id).bind(9, expired_before);
    std::vector<AttachmentRecord> out;
    while (query.step()) out.push_back(record_of(query));
    return out;
}

std::optional<AttachmentRecord> AttachmentRows::find(const std::string& ticket_id, const std::string& id,
                                                     std::optional<core::Instant> expired_before) {
    Statement query(connection_, std::string(columns) + " AND a.ticket_id = ?1 AND a.public_id = ?2");
    query.bind(1, ticket_id).bind(2, id).bind(9, expired_before);
    if (!query.step()) return std::nullopt;
    return record_of(query);
}

std::string AttachmentRows::bytes_of(const std::string& id) {
    Statement query(connection_,
                    "SELECT b.bytes FROM attachment_bytes b JOIN attachments a ON a.id = b.attachment_id WHERE a.public_id = ?1");
    query.bind(1, id);
    return query.step() ? query.blob(0) : std::string();
}

int64_t AttachmentRows::delete_expired(core::Instant before) {
    Statement remove(connection_,
                     "DELETE FROM attachments WHERE ticket_id IN"
                     " (SELECT id FROM tickets WHERE status = 'closed' AND closed_at IS NOT NULL AND closed_at <= ?1)");
    remove.bind(1, before).run();
    return changed_rows(connection_);
}

}  // namespace web
