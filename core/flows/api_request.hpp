// HTTP requests to the service as effects: the session's CSRF token on every
// state-changing one, and idempotency keys unique to this page.
#pragma once

#include "core/app.hpp"

#include <string>

namespace core {

HttpRequest api_request(const State& state, std::string method, std::string url, HttpReply reply,
                        std::string body = {}, int generation = 0);

// "<random prefix>-<counter>": unique per page load, so a retry can reuse one.
std::string next_idempotency_key(State& state);

}  // namespace core
