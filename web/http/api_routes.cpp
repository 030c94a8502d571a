#include "web/http/api_routes.hpp"

#include "web/http/etag.hpp"
#include "web/http/problem.hpp"
#include "web/http/response_body.hpp"
#include "web/accounts/api_token_store.hpp"
#include "web/accounts/secret_token.hpp"
#include "web/accounts/session_cookie.hpp"
#include "web/accounts/session_store.hpp"
#include "web/store/unix_time.hpp"
#include "web/http/version.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace web {

ApiRoutes::ApiRoutes(Database& database, const ProgramDocument& program, GzipCache& gzip_cache, TimeZones& zones,
                     MailDelivery& mail, WebhookDelivery& webhooks, bool dev_mailbox, TestFault fault)
    : database_(database),
      gzip_cache_(gzip_cache),
      events_(address_, program.program, zones, [&webhooks] { webhooks.events_recorded(); }),
      tickets_(database, program.program, zones, events_, fault),
      ticket_changes_(database, program.program, zones, events_),
      attachments_(database, program.program, zones, events_),
      status_(database, program.program),
      sessions_(database, address_, program.program),
      second_factor_(database, address_, program.program),
      invitations_(database, address_, program.program),
      password_resets_(database, address_, mail, program.program),
      company_sign_in_(database, address_),
      tenants_(program.program),
      support_users_(database, address_, mail, program.program.product_name),
      operators_(database, address_, mail, program.program),
      audit_(database),
      dev_mailbox_(database, mail) {
    program_.key = "/api/v1/program";
    program_.bytes = std::make_shared<const std::string>(program.text);
    program_.content_type = "application/json";
    program_.etag = strong_etag(program.text);
    program_.compressible = true;

    router_.add("GET", "/api/v1/health", Access::Anyone, [this](ApiCall& call) { health(call); });
    router_.add("GET", "/api/v1/program", Access::Anyone,
                [this](ApiCall& call) { send_cacheable(call.request, call.response, program_, gzip_cache_); });
    sessions_.add_to(router_);
    second_factor_.add_to(router_);
    invitations_.add_to(router_);
    password_resets_.add_to(router_);
    company_sign_in_.add_to(router_);
    tenants_.add_to(router_);
    support_users_.add_to(router_);
    operators_.add_to(router_);
    audit_.add_to(router_);
    tickets_.add_to(router_);
    ticket_changes_.add_to(router_);
    attachments_.add_to(router_);
    status_.add_to(router_);
    if (dev_mailbox) dev_mailbox_.add_to(router_);
}

void ApiRoutes::handle(const httplib::Request& request, httplib::Response& response) {
    ApiRouter::Found found = router_.find(request.method, request.path);
    if (!found.route) {
        if (found.allow.empty()) {
            send_problem(response, 404, "There is no API at " + request.path + ".");
            return;
        }
        response.set_header("Allow", found.allow);
        std::string use = found.allow == "GET, HEAD" ? "GET" : found.allow;
        send_problem(response, 405, request.method + " is not allowed on " + request.path + "; use " + use + ".");
        return;
    }
    const bool changes_state = is_state_changing(request.method);
    if (changes_state && !origin_allowed(request, address_)) {
        send_problem(response, 403, "Requests from other sites' pages are refused: the Origin " +
                                        request.get_header_value("Origin") + " is not this portal's.");
        return;
    }

    ApiCall call{request, response, std::move(found.parameters), nullptr, service_now()};
    std::optional<Caller> caller;
    if (found.route->access == Access::Operator) {
        if (!request.has_header("Authorization")) {
            response.set_header("WWW-Authenticate", "Bearer");
            send_problem(response, 401, "The operator API takes an operator's API token: \"Authorization: Bearer spt_...\" "
                                        "(./portal admin operator invite EMAIL).");
            return;
        }
        caller = token_caller(request, response, call.now);
        if (!caller) return;
        if (!caller->is_operator) {
            send_problem(response, 403, "Only the vendor's operators may use " + request.path + ".");
            return;
        }
        call.caller = &*caller;
    } else if (found.route->access == Access::SignedIn && request.has_header("Authorization")) {
        caller = token_caller(request, response, call.now);
        if (!caller) return;
        call.caller = &*caller;
    } else if (found.route->access == Access::SignedIn) {
        caller = signed_in_caller(request, response, call.now);
        if (!caller) return;
        if (changes_state && !same_secret(request.get_header_value("X-CSRF-Token"), caller->csrf_token)) {
            send_problem(response, 403, "Missing or wrong CSRF token.");
            return;
        }
        call.caller = &*caller;
    }
    found.route->handler(call);
    // The API's convention: nothing is kept unless the handler said how
    // (a document the browser may revalidate sets no-cache with its ETag).
    if (!response.has_header("Cache-Control")) response.set_header("Cache-Control", "no-store");
}

std::optional<Caller> ApiRoutes::signed_in_caller(const httplib::Request& request, httplib::Response& response, core::Instant now) {
    std::optional<std::string> token = session_token_of(request);
    std::optional<Caller> caller;
    if (token)
        caller = database_.with_connection([&](sqlite3* connection) { return SessionStore(connection).caller(*token, now); });
    if (!caller) {
        // An ended session's cookie (and its hint) is of no more use to the browser.
        clear_session_cookie(response, address_.https());
        send_problem(response, 401, "Sign in to continue.");
        return std::nullopt;
    }
    return caller;
}

std::optional<Caller> ApiRoutes::token_caller(const httplib::Request& request, httplib::Response& response, core::Instant now) {
    const std::string authorization = request.get_header_value("Authorization");
    constexpr std::string_view scheme = "Bearer ";
    if (authorization.size() <= scheme.size() || !std::equal(scheme.begin(), scheme.end(), authorization.begin(),
                                                              [](unsigned char a, unsigned char b) { return std::tolower(a) == std::tolower(b); })) {
        response.set_header("WWW-Authenticate", "Bearer");
        send_problem(response, 401, "Only \"Authorization: Bearer <API token>\" is understood here; a browser signs in instead.");
        return std::nullopt;
    }
    const std::string token = authorization.substr(scheme.size());
    std::optional<Caller> caller =
        database_.with_connection([&](sqlite3* connection) { return ApiTokenStore(connection).caller(token, now); });
    if (!caller) {
        response.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        send_problem(response, 401,
                     "This API token is not valid: mistyped, revoked, or its support engineer's access has ended.");
        return std::nullopt;
    }
    return caller;
}

void ApiRoutes::health(ApiCall& call) {
    std::string database_error = database_.check();
    // Anyone may ask: SQLite's words (paths, table names) go to the log only.
    if (!database_error.empty()) std::fprintf(stderr, "portal-web: health: the database does not answer: %s\n", database_error.c_str());
    nlohmann::json body = {
        {"status", database_error.empty() ? "ok" : "degraded"},
        {"database", database_error.empty() ? "ok" : "error"},
        {"version", service_version},
    };
    call.response.status = database_error.empty() ? 200 : 503;
    call.response.set_header("Cache-Control", "no-store");
    set_body(call.response, body.dump(), "application/json");
}

}  // namespace web
