// The outbox and the development mailbox (migration 6). Mail is written to
// the outbox in the transaction that makes it necessary (an invitation), so
// it is never lost nor sent for something that rolled back; mail_delivery
// takes it from there.
#pragma once

#include "core/sla/business_calendar.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace web {

struct MailMessage {
    std::string to;
    std::string subject;
    std::string body;       // plain text, lines separated by "\n"
    std::string link;       // the one link the message is about (the dev mailbox shows it apart)
};

struct QueuedMail {
    int64_t id = 0;
    MailMessage message;
    int attempts = 0;
};

struct MailboxMessage {
    MailMessage message;
    core::Instant sent_at{};
};

class Outbox {
public:
    explicit Outbox(sqlite3* connection) : connection_(connection) {}

    void add(const MailMessage& message, core::Instant now);

    // Queued messages whose next attempt is due, oldest first.
    std::vector<QueuedMail> due(core::Instant now, int limit);
    int64_t queued_count();

    // Delivered: its text is blanked here, since the link opens an account.
    void mark_sent(int64_t id, core::Instant now);
    // Try again at `next_attempt_at`, or give up (status failed, text blanked) when there is none.
    void mark_attempt_failed(int64_t id, const std::string& error, std::optional<core::Instant> next_attempt_at);

    void add_to_dev_mailbox(const MailMessage& message, core::Instant now);
    std::vector<MailboxMessage> dev_mailbox(int limit);   // newest first

private:
    sqlite3* connection_;
};

}  // namespace web
