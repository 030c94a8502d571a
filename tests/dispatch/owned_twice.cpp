// Opened is on two flows' lists.
#include "flows.hpp"

using DoorActions = core::Handles<Opened, Closed>;
using ReplyActions = core::Handles<Answered, Opened>;

void route(const Action& action) {
    std::visit([](const auto& a) { core::require_one_owner<std::decay_t<decltype(a)>, DoorActions, ReplyActions>(); },
               action);
}
