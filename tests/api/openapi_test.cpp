// web/openapi.yaml against the service itself: every route portal-web has
// (portal-web --routes) is documented, and every documented path and method
// exists. The YAML is read only as far as that needs: under "paths:", a path
// is a key indented two spaces ("  /tickets/{id}:") and an operation a
// method key indented four ("    get:").
#include "service_process.hpp"

#include <doctest/doctest.h>

#include <set>
#include <sstream>

namespace {

using Route = std::pair<std::string, std::string>;   // method, path pattern

constexpr const char* methods[] = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};

std::string upper(std::string text) {
    for (char& c : text) c = char(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

// The operations of the document's "paths", with the server URL in front.
std::set<Route> documented_routes(const std::string& yaml) {
    std::set<Route> routes;
    std::string server;          // "/api/v1"
    bool in_paths = false;
    std::string path;
    std::istringstream lines(yaml);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.starts_with("  - url: ") && server.empty()) server = line.substr(9);
        if (line.empty() || line.starts_with("#")) continue;
        if (line[0] != ' ') {   // a top-level key
            in_paths = line == "paths:";
            continue;
        }
        if (!in_paths || !line.ends_with(':')) continue;
        if (line.starts_with("  /")) {
            path = line.substr(2, line.size() - 3);
        } else if (line.starts_with("    ") && line[4] != ' ' && !path.empty()) {
            std::string key = line.substr(4, line.size() - 5);
            for (const char* method : methods)
                if (key == method) routes.insert({upper(key), server + path});
        }
    }
    REQUIRE_MESSAGE(server == "/api/v1", "servers[0].url not found or not /api/v1: \"", server, "\"");
    return routes;
}

std::set<Route> service_routes() {
    api_test::TempFolder folder;
    std::vector<std::string> args = api_test::working_arguments(folder);
    args.push_back("--demo");     // the development mailbox is documented too
    args.push_back("--routes");
    api_test::FinishedRun run = api_test::run_portal_web(args);
    INFO("stderr: ", run.err);
    REQUIRE(run.exit_code == std::optional<int>(0));
    std::set<Route> routes;
    std::istringstream lines(run.out);
    std::string line;
    while (std::getline(lines, line)) {
        size_t space = line.find(' ');
        REQUIRE_MESSAGE(space != std::string::npos, "not \"METHOD /path\": ", line);
        routes.insert({line.substr(0, space), line.substr(space + 1)});
    }
    return routes;
}

std::string listed(const std::set<Route>& routes) {
    std::string text;
    for (const auto& [method, path] : routes) text += "\n  " + method + " " + path;
    return text;
}

}  // namespace

TEST_CASE("the reader of openapi.yaml finds paths and methods, and nothing else") {
    const std::string yaml =
        "openapi: 3.1.0\n"
        "servers:\n"
        "  - url: /api/v1\n"
        "paths:\n"
        "  /tickets:\n"
        "    get:\n"
        "      responses:\n"
        "        post:\n"          // deeper: a property named like a method
        "    post:\n"
        "  /tickets/{id}:\n"
        "    parameters:\n"
        "    patch:\n"
        "components:\n"
        "  /not-a-path:\n"
        "    get:\n";
    CHECK(documented_routes(yaml) ==
          std::set<Route>{{"GET", "/api/v1/tickets"}, {"POST", "/api/v1/tickets"}, {"PATCH", "/api/v1/tickets/{id}"}});
}

TEST_CASE("web/openapi.yaml documents exactly the service's routes") {
    std::set<Route> documented = documented_routes(api_test::read_file(std::filesystem::path(PORTAL_SOURCE_DIR) / "web/openapi.yaml"));
    std::set<Route> served = service_routes();
    REQUIRE(served.size() > 20);
    CHECK(served.count({"POST", "/api/v1/tickets/{id}/escalate"}) == 1);

    std::set<Route> undocumented, unserved;
    for (const Route& route : served)
        if (!documented.count(route)) undocumented.insert(route);
    for (const Route& route : documented)
        if (!served.count(route)) unserved.insert(route);
    CHECK_MESSAGE(undocumented.empty(), "served but not in web/openapi.yaml:", listed(undocumented));
    CHECK_MESSAGE(unserved.empty(), "in web/openapi.yaml but not served:", listed(unserved));
}
