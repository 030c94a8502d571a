// The ticket endpoints (web/openapi.yaml):
//   GET /api/v1/tickets?limit=N&cursor=C   newest opened first, a page at a time
//   GET /api/v1/tickets/{id}               one ticket
// Each ticket carries its SLA at the moment of the request; the list also
// says what that moment was ("now"), so a client can count down from it.
#pragma once

#include "database.hpp"
#include "ticket_store.hpp"
#include "time_zones.hpp"

#include "core/program.hpp"

#include <httplib.h>

#include <string>

namespace web {

class TicketRoutes {
public:
    // `program` and `zones` must outlive the routes.
    TicketRoutes(Database& database, const core::Program& program, TimeZones& zones);

    // Whether `path` is one of ours, whatever the method.
    static bool serves(const std::string& path);

    // Answers a request for a path `serves` accepted.
    void handle(const httplib::Request& request, httplib::Response& response);

private:
    void list(const httplib::Request& request, httplib::Response& response);
    void details(const std::string& id, httplib::Response& response);

    TicketStore store_;
    const core::Program& program_;
    TimeZones& zones_;
};

}  // namespace web
