// The table of API endpoints: method, path pattern ("/api/v1/tenants/{tenant}"),
// whether it needs a session, and its handler. Finding a route tells apart
// "no such path" (404) from "not with this method" (405 and the Allow list),
// before anyone is asked to sign in: which paths exist is no secret
// (web/openapi.yaml lists them), who may use them is.
#pragma once

#include "web/accounts/caller.hpp"

#include "core/sla/business_calendar.hpp"

#include <httplib.h>

#include <functional>
#include <string>
#include <vector>

namespace web {

enum class Access {
    Anyone,     // health, program, sign-in, invitations, password resets, the dev mailbox
    SignedIn,   // everything else
    Operator,   // /api/v1/admin: the vendor's operators, by API token only
};

struct ApiCall {
    const httplib::Request& request;
    httplib::Response& response;
    std::vector<std::string> parameters;   // the {...} parts of the path, in order
    const Caller* caller = nullptr;        // set for Access::SignedIn routes
    core::Instant now{};                   // the request's moment

    const std::string& parameter(size_t index) const { return parameters.at(index); }
};

using ApiHandler = std::function<void(ApiCall&)>;

struct ApiRoute {
    std::string method;                    // GET also answers HEAD
    std::string pattern;                   // "/api/v1/tickets/{id}", as web/openapi.yaml names it
    std::vector<std::string> segments;     // the pattern split at "/"
    Access access = Access::SignedIn;
    ApiHandler handler;
};

class ApiRouter {
public:
    void add(std::string method, const std::string& pattern, Access access, ApiHandler handler);

    struct Found {
        const ApiRoute* route = nullptr;       // null: see `allow`
        std::vector<std::string> parameters;
        std::string allow;                     // when the path exists with other methods: "GET, HEAD"
    };
    Found find(const std::string& method, const std::string& path) const;

    // Every route in the order added (portal-web --routes, checked against web/openapi.yaml).
    const std::vector<ApiRoute>& routes() const { return routes_; }

private:
    std::vector<ApiRoute> routes_;
};

}  // namespace web
