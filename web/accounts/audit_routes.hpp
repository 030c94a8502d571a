// GET /api/v1/tenants/{tenant}/audit?limit=N&cursor=C: the tenant's audit
// log, newest first, for its admins (refused like user management otherwise).
#pragma once

#include "web/http/api_router.hpp"
#include "web/store/database.hpp"

namespace web {

class AuditRoutes {
public:
    explicit AuditRoutes(Database& database) : database_(database) {}

    void add_to(ApiRouter& router);

private:
    void list(ApiCall& call);

    Database& database_;
};

}  // namespace web
