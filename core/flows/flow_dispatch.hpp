// How update() finds the one place that handles an Action, checked by the
// compiler: each flow lists the Actions it owns, every Action has exactly
// one owner, and a flow's visitor has a handler for each Action it lists.
// tests/dispatch holds programs that break each rule and must not compile.
#pragma once

#include <type_traits>

namespace core {

// The Actions one flow owns: `using TicketActions = Handles<OpenTicket, ...>;`
template <class... A> struct Handles {
    template <class T> static constexpr bool owns = (std::is_same_v<T, A> || ...);
};

// Fails to compile unless exactly one of the flows' lists names A.
template <class A, class... Flows> constexpr void require_one_owner() {
    static_assert((0 + ... + int(Flows::template owns<A>)) == 1,
                  "every Action is handled by exactly one flow's Handles list");
}

// The base of a flow's visitor (std::visit over every Action): the flow
// writes an operator() per Action it owns and says
// `using IgnoreOthers<Owned, Result>::operator();`. This catch-all answers
// other flows' Actions with nothing; an Action on the flow's own list that
// reaches it (its handler is missing) fails to compile.
template <class Owned, class Result> struct IgnoreOthers {
    template <class A> Result operator()(const A&) const {
        static_assert(!Owned::template owns<A>, "an Action on this flow's Handles list has no handler");
        return {};
    }
};

}  // namespace core
