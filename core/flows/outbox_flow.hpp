// The outbox: requests submitted while the service could not be reached,
// delivered when it can be, each exactly once thanks to its Idempotency-Key.
// Offline, the browser's online event, a retry timer with backoff and jitter,
// and the session check all lead here. The part of update() for the outbox.
#pragma once

#include "core/app.hpp"

#include <string>
#include <vector>

namespace core {

// Puts a route's request (its exact body, under the form's idempotency key)
// in the outbox; the form shows it as queued until it is delivered.
std::vector<Effect> queue_request(State& state, const std::string& route_id, const std::string& body);

using OutboxActions = Handles<ConnectivityChanged, QueuedRestored, CancelQueued, Fired<Timer::OutboxRetry>,
                              Answered<HttpReply::SendQueued>>;
std::vector<Effect> update_outbox(State& state, const Action& action);

// Sends what is due, when it can be: online, with a session the service has
// confirmed (else it checks the session first). Runs after every action.
std::vector<Effect> deliver_outbox(State& state);

// A session check got no answer: queued requests waiting on it try again later.
void outbox_session_unreachable(State& state);

}  // namespace core
