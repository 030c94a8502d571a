// Stale reads: the last session, ticket list and user list the portal saw,
// kept on the device so that offline the screens show them, marked with
// their age, instead of an error. All of it is private and goes at sign-out.
#pragma once

#include "core/app.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace core {

// What to keep after the service answered. The session is kept without its
// CSRF token: that is only good together with the live cookie.
KeepSnapshot session_snapshot(Instant now, std::string_view session_body);
KeepSnapshot tickets_snapshot(Instant now, const std::vector<std::string>& page_bodies);
KeepSnapshot users_snapshot(Instant now, const std::string& tenant, std::string_view page_body);
std::string users_snapshot_name(const std::string& tenant);

// A snapshot read back at start: kept in State, and shown at once where the
// screen is waiting for data the service could not send.
std::vector<Effect> snapshot_restored(State& state, const SnapshotRestored& restored);

// The service could not be reached: show what the device kept. Each returns
// true when it had something to show.
bool sign_in_from_device(State& state);
bool show_device_tickets(State& state, std::vector<Effect>& effects);
bool show_device_users(State& state);

}  // namespace core
