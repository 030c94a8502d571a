#include "location.hpp"

#include "program.hpp"

namespace core {

Screen parse_location(std::string_view hash, const Program& program) {
    std::string_view path = hash;
    if (path.starts_with('#')) path.remove_prefix(1);
    if (path.empty() || path == "/") return HomeScreen{};

    if (path == "/tickets") return TicketsScreen{};
    constexpr std::string_view route_prefix = "/route/";
    if (path.starts_with(route_prefix)) {
        std::string_view id = path.substr(route_prefix.size());
        if (program.find_route(id)) return RouteScreen{std::string(id)};
    }
    return NotFoundScreen{std::string(hash)};
}

std::string location_of(const Screen& screen) {
    struct Visitor {
        std::string operator()(const HomeScreen&) const { return "#/"; }
        std::string operator()(const RouteScreen& s) const { return "#/route/" + s.route_id; }
        std::string operator()(const TicketsScreen&) const { return "#/tickets"; }
        std::string operator()(const NotFoundScreen& s) const {
            return s.hash.starts_with('#') ? s.hash : "#" + s.hash;
        }
    };
    return std::visit(Visitor{}, screen);
}

}  // namespace core
