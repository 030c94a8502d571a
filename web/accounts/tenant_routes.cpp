#include "web/accounts/tenant_routes.hpp"

#include "web/accounts/account_json.hpp"
#include "web/http/json_response.hpp"

namespace web {

void TenantRoutes::add_to(ApiRouter& router) {
    router.add("GET", "/api/v1/tenants", Access::SignedIn, [this](ApiCall& call) {
        // The caller's memberships are read for every request already.
        const std::vector<MembershipRecord>& memberships = call.caller->memberships;
        nlohmann::ordered_json body;
        body["items"] = memberships_json(memberships, program_);
        send_json(call.response, 200, body);
    });
}

}  // namespace web
