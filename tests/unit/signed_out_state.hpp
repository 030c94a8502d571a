// The state a flow test starts from when nobody is signed in: on the sign-in
// screen at `now` (an ISO-8601 UTC time).
#pragma once

#include "core/app.hpp"

inline core::State signed_out_on_sign_in_screen(const char* now) {
    core::State state;
    state.now = *core::parse_instant(now);
    state.session = core::SessionStatus::SignedOut;
    state.screen = core::SignInScreen{};
    return state;
}
