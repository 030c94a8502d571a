// Idempotency keys (migration 8): a client that sends a request again with
// the same Idempotency-Key (after a timeout, say) gets the first answer
// instead of a second invitation. Keys are per user and kept for a day; a
// key sent with a different request is a client error (422).
#pragma once

#include "core/sla/business_calendar.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

struct sqlite3;

namespace web {

inline constexpr std::chrono::hours idempotency_key_lifetime{24};

struct StoredAnswer {
    std::string request_digest;
    int status = 0;
    std::string body;
};

class IdempotencyStore {
public:
    explicit IdempotencyStore(sqlite3* connection) : connection_(connection) {}

    std::optional<StoredAnswer> find(int64_t user_id, const std::string& key, core::Instant now);
    void remember(int64_t user_id, const std::string& key, const StoredAnswer& answer, core::Instant now);

private:
    sqlite3* connection_;
};

// What identifies a request for its key: SHA-256 of method, path and body
// (the body's bytes as sent: a retry sends the same bytes).
std::string request_digest(const std::string& method, const std::string& path, const std::string& body);

}  // namespace web
