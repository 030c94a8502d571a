#include "api_routes.hpp"

#include "etag.hpp"
#include "problem.hpp"
#include "response_body.hpp"
#include "version.hpp"

#include <nlohmann/json.hpp>

namespace web {

ApiRoutes::ApiRoutes(Database& database, const ProgramDocument& program, GzipCache& gzip_cache, TimeZones& zones)
    : database_(database), gzip_cache_(gzip_cache), tickets_(database, program.program, zones) {
    program_.key = "/api/v1/program";
    program_.bytes = std::make_shared<const std::string>(program.text);
    program_.content_type = "application/json";
    program_.etag = strong_etag(program.text);
    program_.compressible = true;
}

void ApiRoutes::handle(const httplib::Request& request, httplib::Response& response) {
    if (TicketRoutes::serves(request.path)) {
        tickets_.handle(request, response);
        return;
    }
    bool is_health = request.path == "/api/v1/health";
    bool is_program = request.path == "/api/v1/program";
    if (!is_health && !is_program) {
        send_problem(response, 404, "There is no API at " + request.path + ".");
        return;
    }
    if (request.method != "GET" && request.method != "HEAD") {
        response.set_header("Allow", "GET, HEAD");
        send_problem(response, 405, request.method + " is not allowed on " + request.path + "; use GET.");
        return;
    }
    if (is_health)
        health(response);
    else
        send_cacheable(request, response, program_, gzip_cache_);
}

void ApiRoutes::health(httplib::Response& response) {
    std::string database_error = database_.check();
    nlohmann::json body = {
        {"status", database_error.empty() ? "ok" : "degraded"},
        {"database", database_error.empty() ? "ok" : "error: " + database_error},
        {"version", service_version},
    };
    response.status = database_error.empty() ? 200 : 503;
    response.set_header("Cache-Control", "no-store");
    set_body(response, body.dump(), "application/json");
}

}  // namespace web
