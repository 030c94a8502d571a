// GET /api/v1/tenants: the tenants the signed-in user has an active
// membership in, with their role in each (the portal's tenant switcher).
#pragma once

#include "api_router.hpp"

namespace web {

class TenantRoutes {
public:
    void add_to(ApiRouter& router);
};

}  // namespace web
