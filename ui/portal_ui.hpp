// The portal's user interface: one full-window surface laid out like a web
// page (header, content column). draw() reads the state and returns what the
// user did as Actions; it never calls the network or storage.
#pragma once

#include "core/app.hpp"

#include <vector>

namespace ui {

std::vector<core::Action> draw(const core::State& state);

}  // namespace ui
