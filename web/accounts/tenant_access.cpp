#include "web/accounts/tenant_access.hpp"

#include "web/http/problem.hpp"

namespace web {

void send_no_such_tenant(httplib::Response& response, const std::string& tenant_slug) {
    send_problem(response, 404, "There is no tenant " + tenant_slug + ".");
}

const MembershipRecord* tenant_admin_or_refuse(const Caller& caller, const std::string& tenant_slug, httplib::Response& response) {
    const MembershipRecord* membership = caller.membership_in(tenant_slug);
    if (!membership) {
        send_no_such_tenant(response, tenant_slug);
        return nullptr;
    }
    if (membership->role != core::Role::Admin) {
        send_problem(response, 403, "Only admins of " + tenant_slug + " can manage its users.");
        return nullptr;
    }
    return membership;
}

}  // namespace web
