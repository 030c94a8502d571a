// Managing a tenant's support-only users, for admins of the tenant
// (web/openapi.yaml):
//   GET  /api/v1/tenants/{tenant}/support-users              search, filter, sort, pages
//   POST /api/v1/tenants/{tenant}/support-users              invite (Idempotency-Key required)
//   GET  /api/v1/tenants/{tenant}/support-users/{id}         details
//   POST /api/v1/tenants/{tenant}/support-users/{id}/revoke  end their access to the tenant
// Anyone not an admin of {tenant} is refused as tenant_access says.
#pragma once

#include "web/http/api_router.hpp"
#include "web/store/database.hpp"
#include "web/mail/mail_delivery.hpp"
#include "web/http/public_address.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

struct sqlite3;

namespace web {

class SupportUserRoutes {
public:
    // `address` and `mail` must outlive the routes.
    SupportUserRoutes(Database& database, const PublicAddress& address, MailDelivery& mail, std::string product_name)
        : database_(database), address_(address), mail_(mail), product_name_(std::move(product_name)) {}

    void add_to(ApiRouter& router);

private:
    void list(ApiCall& call);
    void invite(ApiCall& call);
    void details(ApiCall& call);
    void revoke(ApiCall& call);

    Database& database_;
    const PublicAddress& address_;
    MailDelivery& mail_;
    std::string product_name_;
};

}  // namespace web
