#include "app.hpp"

namespace core {

namespace {

// Navigating to the screen we are already on adds no history entry.
std::vector<Effect> navigate(State& state, Screen next) {
    if (next == state.screen) return {};
    state.screen = std::move(next);
    return {PushLocation{location_of(state.screen)}};
}

}  // namespace

std::vector<Effect> start(State& state, std::string_view initial_hash) {
    std::vector<Effect> effects;
    state.screen = parse_location(initial_hash, state.program);
    // Normalise an empty hash so Back from the first route lands on "#/".
    if (initial_hash.empty() || initial_hash == "#") effects.push_back(ReplaceLocation{"#/"});
    effects.push_back(HttpGet{"/api/v1/program"});
    return effects;
}

std::vector<Effect> update(State& state, const Action& action) {
    struct Visitor {
        State& state;

        std::vector<Effect> operator()(const OpenRoute& a) {
            if (!state.program.find_route(a.route_id)) {
                state.notice = "There is no support route called \"" + a.route_id + "\".";
                return {};
            }
            return navigate(state, RouteScreen{a.route_id});
        }
        std::vector<Effect> operator()(const GoHome&) { return navigate(state, HomeScreen{}); }
        std::vector<Effect> operator()(const LocationChanged& a) {
            // The browser already moved; just follow it.
            state.screen = parse_location(a.hash, state.program);
            return {};
        }
        std::vector<Effect> operator()(const EditField& a) {
            state.drafts[a.route_id][a.field_id] = a.value;
            return {};
        }
        std::vector<Effect> operator()(const ProgramFetched& a) {
            // The compiled-in program keeps working offline; a newer one from
            // the service replaces it only when it is valid.
            if (a.status != 200) return {};
            ProgramResult parsed = parse_program(a.body);
            if (!parsed) {
                state.notice = "The service sent a support program the portal cannot read (" + parsed.error +
                               "); using the built-in one.";
                return {};
            }
            state.program = std::move(*parsed.program);
            // A deep link to a route that only the new program has resolves now.
            if (auto* nf = std::get_if<NotFoundScreen>(&state.screen))
                state.screen = parse_location(nf->hash, state.program);
            return {};
        }
        std::vector<Effect> operator()(const DismissNotice&) {
            state.notice.clear();
            return {};
        }
    };
    return std::visit(Visitor{state}, action);
}

}  // namespace core
