// The JSON API under /api/v1 (described in web/openapi.yaml):
//   GET /api/v1/health    is the service up and does its database answer
//   GET /api/v1/program   the support program document
//   GET /api/v1/tickets   tickets with their SLA (ticket_routes)
// Anything else under /api is a problem+json 404, or 405 for a known path
// with another method.
#pragma once

#include "cacheable_content.hpp"
#include "database.hpp"
#include "gzip.hpp"
#include "program_document.hpp"
#include "ticket_routes.hpp"
#include "time_zones.hpp"

#include <httplib.h>

namespace web {

class ApiRoutes {
public:
    // `program` and `zones` must outlive the routes.
    ApiRoutes(Database& database, const ProgramDocument& program, GzipCache& gzip_cache, TimeZones& zones);

    void handle(const httplib::Request& request, httplib::Response& response);

private:
    void health(httplib::Response& response);

    Database& database_;
    CacheableContent program_;
    GzipCache& gzip_cache_;
    TicketRoutes tickets_;
};

}  // namespace web
