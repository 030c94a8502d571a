// Screens and their URL hashes: `#/` is home, `#/route/<id>` a route's form,
// `#/tickets` the ticket list.
// The hash is the only navigation state the browser keeps, so it must round
// trip: location_of(parse_location(h)) == h for every valid h.
#pragma once

#include <string>
#include <string_view>
#include <variant>

namespace core {

struct Program;

struct HomeScreen {
    bool operator==(const HomeScreen&) const = default;
};
struct RouteScreen {
    std::string route_id;
    bool operator==(const RouteScreen&) const = default;
};
struct TicketsScreen {
    bool operator==(const TicketsScreen&) const = default;
};
struct NotFoundScreen {
    std::string hash;
    bool operator==(const NotFoundScreen&) const = default;
};

using Screen = std::variant<HomeScreen, RouteScreen, TicketsScreen, NotFoundScreen>;

// Unknown routes and paths become NotFoundScreen; an empty hash is home.
Screen parse_location(std::string_view hash, const Program& program);
std::string location_of(const Screen& screen);

}  // namespace core
