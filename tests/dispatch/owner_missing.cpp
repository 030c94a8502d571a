// Answered is an Action on no flow's list.
#include "flows.hpp"

using DoorActions = core::Handles<Opened, Closed>;

void route(const Action& action) {
    std::visit([](const auto& a) { core::require_one_owner<std::decay_t<decltype(a)>, DoorActions>(); }, action);
}
