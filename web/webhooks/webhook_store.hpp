// The operator's webhooks and their deliveries (migration 18). Deliveries
// go out in order per webhook and ticket: one waits while an earlier one
// for the same ticket has not reached the receiver, so a help desk never
// hears "solved" before "commented". Works inside the caller's
// connection; SQLite failures throw DatabaseError.
#pragma once

#include "core/sla/business_calendar.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace web {

// Empty when `url` may receive webhooks (an absolute http or https URL with
// no user name or password in it, no fragment); otherwise why not.
std::string webhook_url_problem(const std::string& url);

// Empty when `secret` will do for signing (16 to 512 printable characters); otherwise why not.
std::string webhook_secret_problem(const std::string& secret);

struct WebhookSummary {
    int64_t id = 0;
    std::string url;
    core::Instant created_at{};
    int64_t queued = 0;
    int64_t delivered = 0;
    std::optional<core::Instant> last_attempt_at;
    std::optional<int> last_status;              // of the latest attempt; none: no answer or no attempt
    std::optional<std::string> last_error;
};

struct DueDelivery {
    int64_t id = 0;
    std::string key;                             // X-Portal-Delivery
    int attempts = 0;                            // before this one
    std::string url;
    std::string secret;
    std::string event_type;
    std::string payload;
};

struct DeliveryRow {
    std::string key;
    std::string url;
    int64_t event_id = 0;
    std::string event_type;
    std::string ticket_id;
    std::string status;                          // queued | delivered | dropped
    int attempts = 0;
    std::optional<int> last_status;
    std::optional<std::string> last_error;
    std::optional<core::Instant> last_attempt_at;
    std::optional<core::Instant> next_attempt_at;   // queued ones

    // What the operator reads: "retrying" for a queued one that has failed already.
    std::string shown_status() const { return status == "queued" && attempts > 0 ? "retrying" : status; }
};

class WebhookStore {
public:
    explicit WebhookStore(sqlite3* connection) : connection_(connection) {}

    // False when a webhook in use has this URL already.
    bool add(const std::string& url, const std::string& secret, core::Instant now);
    // Stops sending to `url` and drops what was queued for it; false when no webhook in use has it.
    bool remove(const std::string& url, core::Instant now);
    std::vector<WebhookSummary> in_use();

    // The deliveries to attempt now, at most one per webhook and ticket (the earliest queued), oldest first.
    std::vector<DueDelivery> due(core::Instant now, int limit);
    // When the next delivery comes due; none when nothing waits.
    std::optional<core::Instant> next_due();

    void mark_delivered(int64_t id, int status, core::Instant now);
    void mark_failed(int64_t id, std::optional<int> status, const std::string& error, core::Instant now,
                     core::Instant next_attempt_at);

    // The latest deliveries, newest event first.
    std::vector<DeliveryRow> recent(int limit);

private:
    sqlite3* connection_;
};

}  // namespace web
