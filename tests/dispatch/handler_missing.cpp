// Closed is on the door's list, but the door has no handler for it.
#include "flows.hpp"

using DoorActions = core::Handles<Opened, Closed>;

struct Door : core::IgnoreOthers<DoorActions, Effects> {
    using core::IgnoreOthers<DoorActions, Effects>::operator();
    Effects operator()(const Opened&) const { return {1}; }
};

Effects update(const Action& action) { return std::visit(Door{}, action); }
