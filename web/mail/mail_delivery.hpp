// The delivery step: takes queued mail from the outbox and hands it on.
//   --smtp HOST:PORT  sent by SMTP from a background thread, retried with
//                     growing pauses (1 min, 2, 4, ... up to 1 h; 10 tries)
//   --demo            put into the development mailbox at once, in the
//                     request that queued it (GET /api/v1/dev/mailbox)
//   neither           left in the outbox, and the log says so
#pragma once

#include "web/store/database.hpp"
#include "web/store/doorbell.hpp"
#include "web/mail/smtp_client.hpp"

#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace web {

struct MailSettings {
    std::optional<SmtpServer> smtp;
    bool dev_mailbox = false;
    std::string from = "portal@localhost";
};

class MailDelivery {
public:
    MailDelivery(Database& database, MailSettings settings);
    ~MailDelivery();   // stops the SMTP thread; queued mail stays queued
    MailDelivery(const MailDelivery&) = delete;
    MailDelivery& operator=(const MailDelivery&) = delete;

    // Call once the transaction that queued mail has committed.
    void mail_queued();

    // One pass over the due mail (what the thread does on each wake-up).
    void deliver_due();

    // Before showing the development mailbox: anything still queued for it
    // goes in now. Does nothing when mail goes by SMTP.
    void fill_dev_mailbox();

private:
    void run_smtp_thread();

    Database& database_;
    MailSettings settings_;
    std::mutex delivering_;      // one pass at a time: no message goes out twice
    Doorbell doorbell_;
    std::thread thread_;
};

}  // namespace web
