// Two small flows over three Actions, built with core's dispatch rules; the
// programs beside this file each break one rule and must not compile.
#pragma once

#include "core/flows/flow_dispatch.hpp"

#include <variant>
#include <vector>

struct Opened {};
struct Closed {};
struct Answered {};
using Action = std::variant<Opened, Closed, Answered>;
using Effects = std::vector<int>;
