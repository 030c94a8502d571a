#include "web/webhooks/webhook_delivery.hpp"

#include "web/http/version.hpp"
#include "web/store/unix_time.hpp"
#include "web/webhooks/webhook_post.hpp"
#include "web/webhooks/webhook_signature.hpp"
#include "web/webhooks/webhook_store.hpp"

#include <algorithm>
#include <cstdio>

namespace web {

namespace {

constexpr std::chrono::seconds longest_pause{3600};
// Also the look for webhooks or events another process added (./portal admin).
constexpr std::chrono::seconds longest_sleep{30};
constexpr int batch_size = 50;

std::chrono::seconds pause_after(std::chrono::seconds first, int failed_attempts) {
    const int doublings = std::min(failed_attempts - 1, 20);
    return std::min(first * (int64_t(1) << std::max(doublings, 0)), longest_pause);
}

}  // namespace

WebhookDelivery::WebhookDelivery(Database& database, std::chrono::seconds first_pause)
    : database_(database), first_pause_(first_pause) {}

WebhookDelivery::~WebhookDelivery() {
    doorbell_.stop();
    if (thread_.joinable()) thread_.join();
}

void WebhookDelivery::start() {
    if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
}

void WebhookDelivery::events_recorded() { doorbell_.ring(); }

bool WebhookDelivery::deliver_due() {
    const std::vector<DueDelivery> due =
        database_.with_connection([&](sqlite3* connection) { return WebhookStore(connection).due(service_now(), batch_size); });
    bool any_delivered = false;
    for (const DueDelivery& delivery : due) {
        if (doorbell_.stopping()) return false;
        // Outside the database lock: a slow receiver must not hold up requests.
        const int64_t timestamp = unix_seconds(service_now());
        const WebhookAnswer answer = post_webhook(delivery.url,
                                                  {{"Content-Type", "application/json"},
                                                   {"User-Agent", std::string("support-portal-webhooks/") + service_version},
                                                   {"X-Portal-Event", delivery.event_type},
                                                   {"X-Portal-Delivery", delivery.key},
                                                   {"X-Portal-Timestamp", std::to_string(timestamp)},
                                                   {"X-Portal-Signature", webhook_signature(delivery.secret, timestamp, delivery.payload)},
                                                   {"Expect", ""}},
                                                  delivery.payload);
        const core::Instant now = service_now();
        database_.with_connection([&](sqlite3* connection) {
            WebhookStore store(connection);
            if (answer.delivered()) {
                store.mark_delivered(delivery.id, *answer.status, now);
                return;
            }
            const int attempts = delivery.attempts + 1;
            const std::chrono::seconds pause = pause_after(first_pause_, attempts);
            store.mark_failed(delivery.id, answer.status, answer.error, now, now + pause);
            std::fprintf(stderr, "portal-web: webhook: %s of %s to %s failed (attempt %d; again in %llds): %s\n",
                         delivery.event_type.c_str(), delivery.key.c_str(), delivery.url.c_str(), attempts,
                         static_cast<long long>(pause.count()), answer.error.c_str());
        });
        any_delivered = any_delivered || answer.delivered();
    }
    return any_delivered;
}

void WebhookDelivery::run() {
    while (true) {
        std::chrono::seconds sleep = longest_sleep;
        try {
            while (deliver_due()) {
            }
            const std::optional<core::Instant> next =
                database_.with_connection([](sqlite3* connection) { return WebhookStore(connection).next_due(); });
            if (next) sleep = std::clamp(*next - service_now(), std::chrono::seconds(1), longest_sleep);
        } catch (const std::exception& error) {
            std::fprintf(stderr, "portal-web: webhook: delivery failed: %s\n", error.what());
        }
        if (!doorbell_.wait(sleep)) return;
    }
}

}  // namespace web
