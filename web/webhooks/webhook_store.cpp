#include "web/webhooks/webhook_store.hpp"

#include "web/store/sqlite_statement.hpp"

#include "core/checks/uri_parts.hpp"

namespace web {

namespace {

// The deliveries that may go now: queued, for a webhook in use, with no
// earlier queued delivery of the same webhook and ticket before them.
constexpr const char* first_in_line =
    " d.status = 'queued' AND w.removed_at IS NULL"
    " AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p WHERE p.webhook_id = d.webhook_id"
    "                 AND p.ticket_id = d.ticket_id AND p.status = 'queued' AND p.event_id < d.event_id)";

std::optional<int> optional_status(const Statement& row, int column) {
    std::optional<int64_t> value = row.optional_integer(column);
    if (!value) return std::nullopt;
    return int(*value);
}

}  // namespace

std::string webhook_url_problem(const std::string& url) {
    if (std::string problem = core::http_url_problem(url); !problem.empty()) return problem;
    core::Parsed<core::UriParts> parts = core::parse_uri(url);
    if (!parts) return "it is not a URL";
    if (parts->userinfo) return "it has a user name or password in it; the receiver checks the signature instead";
    if (parts->fragment) return "it has a #fragment, which is never sent to a server";
    return {};
}

std::string webhook_secret_problem(const std::string& secret) {
    if (secret.size() < 16) return "the secret is " + std::to_string(secret.size()) + " characters; use at least 16 (32 random ones is better)";
    if (secret.size() > 512) return "the secret is longer than 512 characters";
    for (unsigned char c : secret)
        if (c < 0x21 || c == 0x7f) return "the secret has spaces or control characters in it";
    return {};
}

bool WebhookStore::add(const std::string& url, const std::string& secret, core::Instant now) {
    // One statement, so the check and the insert cannot be split by another
    // connection's add of the same URL (a write takes the lock as it starts).
    Statement insert(connection_,
                     "INSERT INTO webhooks(url, secret, created_at) SELECT ?1, ?2, ?3"
                     " WHERE NOT EXISTS (SELECT 1 FROM webhooks WHERE url = ?1 AND removed_at IS NULL)");
    insert.bind(1, url).bind(2, secret).bind(3, now).run();
    return changed_rows(connection_) == 1;
}

bool WebhookStore::remove(const std::string& url, core::Instant now) {
    // The webhook and its queued deliveries go together, or neither.
    Transaction transaction(connection_);
    int64_t id = 0;
    {
        Statement find(connection_, "SELECT id FROM webhooks WHERE url = ?1 AND removed_at IS NULL");
        find.bind(1, url);
        if (!find.step()) return false;
        id = find.integer(0);
    }
    Statement(connection_, "UPDATE webhooks SET removed_at = ?2 WHERE id = ?1").bind(1, id).bind(2, now).run();
    Statement(connection_, "UPDATE webhook_deliveries SET status = 'dropped' WHERE webhook_id = ?1 AND status = 'queued'")
        .bind(1, id)
        .run();
    transaction.commit();
    return true;
}

std::vector<WebhookSummary> WebhookStore::in_use() {
    Statement query(connection_,
                    "SELECT w.id, w.url, w.created_at,"
                    "  (SELECT COUNT(*) FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.status = 'queued'),"
                    "  (SELECT COUNT(*) FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.status = 'delivered'),"
                    "  l.last_attempt_at, l.last_status, l.last_error"
                    " FROM webhooks w LEFT JOIN webhook_deliveries l ON l.id ="
                    "  (SELECT id FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.last_attempt_at IS NOT NULL"
                    "   ORDER BY d.last_attempt_at DESC, d.id DESC LIMIT 1)"
                    " WHERE w.removed_at IS NULL ORDER BY w.id");
    std::vector<WebhookSummary> webhooks;
    while (query.step())
        webhooks.push_back(WebhookSummary{query.integer(0), query.text(1), query.instant(2), query.integer(3), query.integer(4),
                                          query.optional_instant(5), optional_status(query, 6), query.optional_text(7)});
    return webhooks;
}

std::vector<DueDelivery> WebhookStore::due(core::Instant now, int limit) {
    Statement query(connection_,
                    std::string("SELECT d.id, d.delivery_key, d.attempts, w.url, w.secret, e.type, e.payload"
                                " FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id"
                                " JOIN ticket_events e ON e.id = d.event_id WHERE") +
                        first_in_line + " AND d.next_attempt_at <= ?1 ORDER BY d.event_id, d.id LIMIT ?2");
    query.bind(1, now).bind(2, int64_t(limit));
    std::vector<DueDelivery> due;
    while (query.step())
        due.push_back(DueDelivery{query.integer(0), query.text(1), int(query.integer(2)), query.text(3), query.text(4),
                                  query.text(5), query.text(6)});
    return due;
}

std::optional<core::Instant> WebhookStore::next_due() {
    Statement query(connection_, std::string("SELECT MIN(d.next_attempt_at) FROM webhook_deliveries d"
                                             " JOIN webhooks w ON w.id = d.webhook_id WHERE") +
                                     first_in_line);
    query.step();
    return query.optional_instant(0);
}

void WebhookStore::mark_delivered(int64_t id, int status, core::Instant now) {
    Statement update(connection_,
                     "UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, last_attempt_at = ?2,"
                     " delivered_at = ?2, last_status = ?3, last_error = NULL WHERE id = ?1 AND status = 'queued'");
    update.bind(1, id).bind(2, now).bind(3, int64_t(status)).run();
}

void WebhookStore::mark_failed(int64_t id, std::optional<int> status, const std::string& error, core::Instant now,
                               core::Instant next_attempt_at) {
    Statement update(connection_,
                     "UPDATE webhook_deliveries SET attempts = attempts + 1, last_attempt_at = ?2, last_status = ?3,"
                     " last_error = ?4, next_attempt_at = ?5 WHERE id = ?1 AND status = 'queued'");
    update.bind(1, id).bind(2, now);
    if (status) update.bind(3, int64_t(*status));
    else update.bind_null(3);
    update.bind(4, error).bind(5, next_attempt_at).run();
}

std::vector<DeliveryRow> WebhookStore::recent(int limit) {
    Statement query(connection_,
                    "SELECT d.delivery_key, w.url, d.event_id, e.type, d.ticket_id, d.status, d.attempts, d.last_status,"
                    " d.last_error, d.last_attempt_at, CASE WHEN d.status = 'queued' THEN d.next_attempt_at END"
                    " FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN ticket_events e ON e.id = d.event_id"
                    " ORDER BY d.event_id DESC, d.id DESC LIMIT ?1");
    query.bind(1, int64_t(limit));
    std::vector<DeliveryRow> rows;
    while (query.step())
        rows.push_back(DeliveryRow{query.text(0), query.text(1), query.integer(2), query.text(3), query.text(4), query.text(5),
                                   int(query.integer(6)), optional_status(query, 7), query.optional_text(8),
                                   query.optional_instant(9), query.optional_instant(10)});
    return rows;
}

}  // namespace web
