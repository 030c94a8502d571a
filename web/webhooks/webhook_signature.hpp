// How a receiver knows a webhook came from this portal and is fresh
// (docs/webhooks.md): HMAC-SHA256, keyed with the webhook's secret, of
// "<X-Portal-Timestamp>.<body>", sent as X-Portal-Signature: sha256=<hex>.
// The timestamp inside the signed text lets a receiver refuse a replay of an
// old delivery; libsodium computes the HMAC.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace web {

std::string webhook_signature(std::string_view secret, int64_t unix_timestamp, std::string_view body);

}  // namespace web
