#include "web/mail/mail_delivery.hpp"

#include "web/mail/outbox.hpp"
#include "web/store/sqlite_statement.hpp"
#include "web/store/unix_time.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace web {

namespace {

constexpr int most_attempts = 10;
constexpr std::chrono::minutes first_pause{1};
constexpr std::chrono::minutes longest_pause{60};
constexpr int batch_size = 50;

std::chrono::minutes pause_after(int attempts) {
    return std::min(first_pause * (int64_t(1) << std::min(attempts, 20)), longest_pause);
}

}  // namespace

MailDelivery::MailDelivery(Database& database, MailSettings settings) : database_(database), settings_(std::move(settings)) {
    if (settings_.smtp) thread_ = std::thread([this] { run_smtp_thread(); });
}

MailDelivery::~MailDelivery() {
    doorbell_.stop();
    if (thread_.joinable()) thread_.join();
}

void MailDelivery::mail_queued() {
    if (settings_.smtp) {
        doorbell_.ring();
    } else if (settings_.dev_mailbox) {
        // The request that queued the mail has done its work; a failure here
        // leaves the mail queued for the next pass, not the request failed.
        try {
            deliver_due();
        } catch (const std::exception& error) {
            std::fprintf(stderr, "portal-web: mail: delivery to the development mailbox failed: %s\n", error.what());
        }
    } else {
        int64_t queued = database_.with_connection([](sqlite3* connection) { return Outbox(connection).queued_count(); });
        std::fprintf(stderr,
                     "portal-web: mail: %lld message(s) waiting in the outbox; start with --smtp HOST:PORT to send them "
                     "(or --demo for the development mailbox)\n",
                     static_cast<long long>(queued));
    }
}

void MailDelivery::deliver_due() {
    if (!settings_.smtp && !settings_.dev_mailbox) return;
    std::lock_guard one_pass(delivering_);
    const core::Instant now = service_now();
    std::vector<QueuedMail> due = database_.with_connection([&](sqlite3* connection) { return Outbox(connection).due(now, batch_size); });
    for (const QueuedMail& mail : due) {
        if (!settings_.smtp) {
            database_.with_connection([&](sqlite3* connection) {
                Transaction transaction(connection);   // in the mailbox and marked sent, or neither
                Outbox outbox(connection);
                outbox.add_to_dev_mailbox(mail.message, now);
                outbox.mark_sent(mail.id, now);
                transaction.commit();
            });
            continue;
        }
        // Outside the database lock: a slow mail server must not hold up requests.
        std::string error = send_by_smtp(*settings_.smtp, settings_.from, mail.message, service_now());
        database_.with_connection([&](sqlite3* connection) {
            Outbox outbox(connection);
            if (error.empty()) {
                outbox.mark_sent(mail.id, service_now());
                std::fprintf(stderr, "portal-web: mail: sent \"%s\" to %s\n", mail.message.subject.c_str(), mail.message.to.c_str());
                return;
            }
            int attempts = mail.attempts + 1;
            std::optional<core::Instant> next;
            if (attempts < most_attempts) next = service_now() + pause_after(mail.attempts);
            outbox.mark_attempt_failed(mail.id, error, next);
            std::fprintf(stderr, "portal-web: mail: sending to %s failed (attempt %d of %d): %s\n", mail.message.to.c_str(),
                         attempts, most_attempts, error.c_str());
        });
    }
}

void MailDelivery::fill_dev_mailbox() {
    if (settings_.dev_mailbox && !settings_.smtp) deliver_due();
}

void MailDelivery::run_smtp_thread() {
    while (true) {
        try {
            deliver_due();
        } catch (const std::exception& error) {
            std::fprintf(stderr, "portal-web: mail: delivery failed: %s\n", error.what());
        }
        // Retries come due without anyone queueing mail: look again every half minute.
        if (!doorbell_.wait(std::chrono::seconds(30))) return;
    }
}

}  // namespace web
