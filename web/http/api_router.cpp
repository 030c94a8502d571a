#include "web/http/api_router.hpp"

namespace web {

namespace {

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> segments;
    size_t start = 1;   // past the leading "/"
    while (start <= path.size()) {
        size_t slash = path.find('/', start);
        if (slash == std::string::npos) slash = path.size();
        segments.push_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    return segments;
}

bool is_parameter(const std::string& segment) { return segment.size() > 2 && segment.front() == '{' && segment.back() == '}'; }

// A parameter takes any segment but an empty one ("/tickets/" names no ticket).
bool matches(const ApiRoute& route, const std::vector<std::string>& segments, std::vector<std::string>& parameters) {
    if (route.segments.size() != segments.size()) return false;
    parameters.clear();
    for (size_t i = 0; i < segments.size(); i++) {
        if (is_parameter(route.segments[i])) {
            if (segments[i].empty()) return false;
            parameters.push_back(segments[i]);
        } else if (route.segments[i] != segments[i]) {
            return false;
        }
    }
    return true;
}

}  // namespace

void ApiRouter::add(std::string method, const std::string& pattern, Access access, ApiHandler handler) {
    routes_.push_back(ApiRoute{std::move(method), pattern, split_path(pattern), access, std::move(handler)});
}

ApiRouter::Found ApiRouter::find(const std::string& method, const std::string& path) const {
    Found found;
    if (path.empty() || path.front() != '/') return found;
    const std::vector<std::string> segments = split_path(path);
    const std::string& wanted = method == "HEAD" ? std::string("GET") : method;
    std::vector<std::string> parameters;
    for (const ApiRoute& route : routes_) {
        if (!matches(route, segments, parameters)) continue;
        if (route.method == wanted) {
            found.route = &route;
            found.parameters = parameters;
            return found;
        }
        if (!found.allow.empty()) found.allow += ", ";
        found.allow += route.method == "GET" ? "GET, HEAD" : route.method;
    }
    return found;
}

}  // namespace web
