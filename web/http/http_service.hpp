// Wires the HTTP server: every request, whatever its method, comes to one
// dispatcher that sends /api/... to the API and the rest to the static files;
// the security headers go on every response, errors httplib raises itself
// become problem+json too, and each request is logged.
#pragma once

#include "web/http/api_routes.hpp"
#include "web/http/static_files.hpp"

#include <httplib.h>

namespace web {

void configure_http_service(httplib::Server& server, ApiRoutes& api, StaticFiles& static_files);

}  // namespace web
