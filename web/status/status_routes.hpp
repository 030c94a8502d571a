// GET /api/v1/status, open to anyone (a customer checks it before signing
// in or filing): each region of the program with its state and its current
// incidents (incident_store). A region is in an outage while an open
// incident there is one, degraded while any other is open, else operational.
// The body is core's mapping (core::service_status_to_json), the one the
// portal reads back.
#pragma once

#include "web/http/api_router.hpp"
#include "web/store/database.hpp"

#include "core/program/program.hpp"

namespace web {

class StatusRoutes {
public:
    // `program` must outlive the routes.
    StatusRoutes(Database& database, const core::Program& program) : database_(database), program_(program) {}

    void add_to(ApiRouter& router);

private:
    void status(ApiCall& call);

    Database& database_;
    const core::Program& program_;
};

}  // namespace web
