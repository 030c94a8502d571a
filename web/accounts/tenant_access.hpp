// Who may manage a tenant's users: its admins. A support-only user or
// support engineer of the tenant is told no (403); anyone else is told the
// tenant does not exist (404), word for word what a tenant that really does
// not exist gets, so the answer never reveals another customer.
#pragma once

#include "web/accounts/caller.hpp"

#include <httplib.h>

#include <string>

namespace web {

void send_no_such_tenant(httplib::Response& response, const std::string& tenant_slug);

// The caller's admin membership of the tenant, or null after answering 403 or 404.
const MembershipRecord* tenant_admin_or_refuse(const Caller& caller, const std::string& tenant_slug, httplib::Response& response);

}  // namespace web
