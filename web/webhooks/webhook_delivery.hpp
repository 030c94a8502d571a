// Sends the queued webhook deliveries from a background thread, in order
// per webhook and ticket, until each receiver answers 2xx: at least once,
// since a receiver that took a delivery but whose 2xx was lost gets it
// again (with the same X-Portal-Delivery, to tell). A failed attempt waits
// a pause that doubles (first_pause, 2x, 4x, ... up to an hour) and is
// never given up: the operator sees it waiting (`./portal admin webhook
// deliveries`) and removes the webhook to stop it. Everything waiting is in
// the database, so a restart loses nothing.
#pragma once

#include "web/store/database.hpp"
#include "web/store/doorbell.hpp"

#include <chrono>
#include <thread>

namespace web {

class WebhookDelivery {
public:
    WebhookDelivery(Database& database, std::chrono::seconds first_pause);
    ~WebhookDelivery();   // stops the thread; what is queued stays queued
    WebhookDelivery(const WebhookDelivery&) = delete;
    WebhookDelivery& operator=(const WebhookDelivery&) = delete;

    // Starts the thread (once the database is ready for it).
    void start();
    // Call once the transaction that recorded ticket events has committed.
    void events_recorded();

private:
    void run();
    // Attempts everything due now; true when some delivery succeeded (the
    // next in its line may be due at once).
    bool deliver_due();

    Database& database_;
    std::chrono::seconds first_pause_;
    Doorbell doorbell_;
    std::thread thread_;
};

}  // namespace web
