// Tickets submitted while the service could not be reached. Each keeps the
// exact body and Idempotency-Key of its first attempt, so however often it is
// sent again (after a reload, a lost answer, a dropped connection) the
// service files it once.
#pragma once

#include "core/sla/business_calendar.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace core {

struct QueuedTicket {
    std::string key;              // the Idempotency-Key; also names the record on the device
    std::string route;            // the form it came from
    std::string user;             // who submitted it: sent only in their session
    std::string body;             // what every attempt sends, byte for byte
    Instant queued_at{};
    int attempts = 0;             // sent and not answered (network failure or 5xx)
    Instant next_attempt{};       // not before this
    int request = 0;              // the attempt under way (HttpRequest::generation); 0 = none
    std::string last_problem;     // why the last attempt did not deliver, in words
};

// The record kept on the device: key, route, user, body, queued_at, attempts.
std::string queued_ticket_to_json(const QueuedTicket& ticket);
// Never throws: nullopt for anything that is not a complete record.
std::optional<QueuedTicket> parse_queued_ticket(std::string_view json_text);

// How long to wait after the `attempts`-th failed attempt: doubling from 2 s
// up to 5 min, scaled by a jitter between 50 % and 100 % drawn from the key,
// so many portals coming back online at once do not knock together. No clock,
// no random source: the same key and attempt give the same delay.
std::chrono::milliseconds retry_delay(int attempts, std::string_view key);

}  // namespace core
