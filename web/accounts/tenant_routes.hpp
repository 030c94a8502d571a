// GET /api/v1/tenants: the tenants the signed-in user has an active
// membership in, with their role in each (the portal's tenant switcher),
// the plan each is on (what its tickets are filed under), when a trial
// ends, and the region its service runs in.
#pragma once

#include "web/http/api_router.hpp"

#include "core/program/program.hpp"

namespace web {

class TenantRoutes {
public:
    // `program` must outlive the routes.
    explicit TenantRoutes(const core::Program& program) : program_(program) {}

    void add_to(ApiRouter& router);

private:
    const core::Program& program_;
};

}  // namespace web
