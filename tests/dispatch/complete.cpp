// Every Action owned once and handled: compiles (so the failures beside it
// fail for the rule they break, not for a typo).
#include "flows.hpp"

using DoorActions = core::Handles<Opened, Closed>;
using ReplyActions = core::Handles<Answered>;

struct Door : core::IgnoreOthers<DoorActions, Effects> {
    using core::IgnoreOthers<DoorActions, Effects>::operator();
    Effects operator()(const Opened&) const { return {1}; }
    Effects operator()(const Closed&) const { return {2}; }
};

Effects update(const Action& action) {
    return std::visit(
        [](const auto& a) {
            using A = std::decay_t<decltype(a)>;
            core::require_one_owner<A, DoorActions, ReplyActions>();
            if constexpr (DoorActions::owns<A>) return Door{}(a);
            else return Effects{3};
        },
        action);
}
