#include "web/mail/outbox.hpp"

#include "web/store/sqlite_statement.hpp"

namespace web {

void Outbox::add(const MailMessage& message, core::Instant now) {
    Statement insert(connection_,
                     "INSERT INTO outbox(recipient, subject, body, link, created_at, next_attempt_at)"
                     " VALUES(?1, ?2, ?3, ?4, ?5, ?5)");
    insert.bind(1, message.to).bind(2, message.subject).bind(3, message.body).bind(4, message.link).bind(5, now).run();
}

std::vector<QueuedMail> Outbox::due(core::Instant now, int limit) {
    Statement query(connection_,
                    "SELECT id, recipient, subject, body, link, attempts FROM outbox"
                    " WHERE status = 'queued' AND next_attempt_at <= ?1 ORDER BY id LIMIT ?2");
    query.bind(1, now).bind(2, int64_t(limit));
    std::vector<QueuedMail> mail;
    while (query.step())
        mail.push_back(QueuedMail{query.integer(0), MailMessage{query.text(1), query.text(2), query.text(3), query.text(4)},
                                  int(query.integer(5))});
    return mail;
}

int64_t Outbox::queued_count() {
    Statement query(connection_, "SELECT COUNT(*) FROM outbox WHERE status = 'queued'");
    query.step();
    return query.integer(0);
}

void Outbox::mark_sent(int64_t id, core::Instant now) {
    Statement update(connection_,
                     "UPDATE outbox SET status = 'sent', sent_at = ?2, attempts = attempts + 1, body = '', link = '',"
                     " last_error = NULL WHERE id = ?1");
    update.bind(1, id).bind(2, now).run();
}

void Outbox::mark_attempt_failed(int64_t id, const std::string& error, std::optional<core::Instant> next_attempt_at) {
    // Given up on, it will never be sent: its link is blanked like a sent one's.
    Statement update(connection_,
                     "UPDATE outbox SET attempts = attempts + 1, last_error = ?2,"
                     " status = CASE WHEN ?3 IS NULL THEN 'failed' ELSE 'queued' END,"
                     " body = CASE WHEN ?3 IS NULL THEN '' ELSE body END, link = CASE WHEN ?3 IS NULL THEN '' ELSE link END,"
                     " next_attempt_at = COALESCE(?3, next_attempt_at) WHERE id = ?1");
    update.bind(1, id).bind(2, error).bind(3, next_attempt_at).run();
}

void Outbox::add_to_dev_mailbox(const MailMessage& message, core::Instant now) {
    Statement insert(connection_, "INSERT INTO dev_mailbox(recipient, subject, body, link, sent_at) VALUES(?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, message.to).bind(2, message.subject).bind(3, message.body).bind(4, message.link).bind(5, now).run();
}

std::vector<MailboxMessage> Outbox::dev_mailbox(int limit) {
    Statement query(connection_, "SELECT recipient, subject, body, link, sent_at FROM dev_mailbox ORDER BY id DESC LIMIT ?1");
    query.bind(1, int64_t(limit));
    std::vector<MailboxMessage> messages;
    while (query.step())
        messages.push_back(MailboxMessage{MailMessage{query.text(0), query.text(1), query.text(2), query.text(3)}, query.instant(4)});
    return messages;
}

}  // namespace web
