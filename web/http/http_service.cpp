#include "web/http/http_service.hpp"

#include "web/http/problem.hpp"
#include "web/http/request_log.hpp"

#include <sys/socket.h>

#include <cstdio>
#include <exception>

namespace web {

namespace {

bool is_api_path(const std::string& path) { return path == "/api" || path.starts_with("/api/"); }

}  // namespace

void configure_http_service(httplib::Server& server, ApiRoutes& api, StaticFiles& static_files) {
    server.set_default_headers({
        {"X-Content-Type-Options", "nosniff"},
        // 'wasm-unsafe-eval' lets the page compile portal.wasm (and the HAR
        // worker har-worker.wasm) and nothing else; worker-src 'self': the
        // service worker (offline shell) and the HAR worker, both ours.
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
         "img-src 'self' data:; connect-src 'self'; worker-src 'self'; "
         // No other site may frame the portal (clickjacking) or move its base.
         "frame-ancestors 'none'; base-uri 'none'"},
        {"Referrer-Policy", "no-referrer"},
    });

    // The listening socket's options are bind_listening_port's (listen_address.cpp).

    // Keep-alive, timeouts and body limits are the ConnectionReactor's (see
    // HardenedHttpServer): httplib only sees requests already read whole.

    auto dispatch = [&api, &static_files](const httplib::Request& request, httplib::Response& response) {
        if (is_api_path(request.path)) {
            api.handle(request, response);
            return;
        }
        if (request.method != "GET" && request.method != "HEAD") {
            response.set_header("Allow", "GET, HEAD");
            send_problem(response, 405, "The site's files can only be read (GET).");
            return;
        }
        static_files.serve(request, response);
    };
    const char* everything = R"(/[\s\S]*)";  // "." would miss a decoded newline
    server.Get(everything, dispatch);
    server.Post(everything, dispatch);
    server.Put(everything, dispatch);
    server.Patch(everything, dispatch);
    server.Delete(everything, dispatch);
    server.Options(everything, dispatch);

    server.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
        mark_request_start();
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // "Handled" makes httplib finish the response it did not expect a body
    // for (Content-Length and all); our own error responses are left as they are.
    server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& response) {
        return add_problem_body_if_missing(response) ? httplib::Server::HandlerResponse::Handled
                                                     : httplib::Server::HandlerResponse::Unhandled;
    }));
    server.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
        std::string what = "unknown exception";
        try {
            std::rethrow_exception(error);
        } catch (const std::exception& exception) {
            what = exception.what();
        } catch (...) {
        }
        // The request's own log line follows this one.
        std::fprintf(stderr, "portal-web: error while handling a request: %s\n", what.c_str());
        // The details stay in our log; the client only learns that it failed.
        send_problem(response, 500, "The service failed to handle this request.");
    });
    server.set_logger([](const httplib::Request& request, const httplib::Response& response) {
        std::string line = request_log_line(request, response) + "\n";
        std::fputs(line.c_str(), stderr);
    });
}

}  // namespace web
