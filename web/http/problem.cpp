#include "web/http/problem.hpp"

#include "web/http/response_body.hpp"

#include <nlohmann/json.hpp>

namespace web {

namespace {

const char* title_of(int status) {
    switch (status) {
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 408: return "Request Timeout";
        case 409: return "Conflict";
        case 410: return "Gone";
        case 413: return "Content Too Large";
        case 414: return "URI Too Long";
        case 415: return "Unsupported Media Type";
        case 416: return "Range Not Satisfiable";
        case 417: return "Expectation Failed";
        case 422: return "Unprocessable Content";
        case 429: return "Too Many Requests";
        case 431: return "Request Header Fields Too Large";
        case 500: return "Internal Server Error";
        case 501: return "Not Implemented";
        case 503: return "Service Unavailable";
        case 505: return "HTTP Version Not Supported";
        default: return status < 500 ? "Client Error" : "Server Error";
    }
}

const char* default_detail_of(int status) {
    switch (status) {
        case 400: return "The request could not be read.";
        case 404: return "There is nothing at this address.";
        case 413: return "The request body is too large.";
        case 414: return "The request URI is too long.";
        case 416: return "The requested range is outside the content.";
        default: return "The request could not be handled.";
    }
}

nlohmann::json problem_json(int status, std::string_view detail) {
    return {
        {"type", "about:blank"},  // no finer type yet; RFC 9457 then takes the title from the status
        {"title", title_of(status)},
        {"status", status},
        {"detail", detail},
    };
}

void send_problem_json(httplib::Response& response, int status, const nlohmann::json& problem) {
    response.status = status;
    response.set_header("Cache-Control", "no-store");
    // dump's replace mode keeps invalid UTF-8 from a client's path from throwing.
    set_body(response, problem.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/problem+json");
}

}  // namespace

void send_problem(httplib::Response& response, int status, std::string_view detail) {
    send_problem_json(response, status, problem_json(status, detail));
}

void send_field_problems(httplib::Response& response, int status, std::string_view detail,
                         const std::map<std::string, std::string>& errors) {
    nlohmann::json problem = problem_json(status, detail);
    problem["errors"] = errors;
    send_problem_json(response, status, problem);
}

void send_field_problem_list(httplib::Response& response, int status, std::string_view detail,
                             const std::vector<FieldProblem>& errors) {
    nlohmann::json problem = problem_json(status, detail);
    problem["errors"] = nlohmann::json::array();
    for (const FieldProblem& error : errors) problem["errors"].push_back({{"field", error.field}, {"message", error.message}});
    send_problem_json(response, status, problem);
}

std::string problem_body(int status, std::string_view detail) {
    return problem_json(status, detail).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool add_problem_body_if_missing(httplib::Response& response) {
    if (!response.body.empty() || response.content_provider_ || response.status < 400) return false;
    send_problem(response, response.status, default_detail_of(response.status));
    return true;
}

}  // namespace web

namespace web {

std::string problem_answer_bytes(int status, std::string_view detail) {
    std::string body = problem_body(status, detail);
    return "HTTP/1.1 " + std::to_string(status) + " " + title_of(status) +
           "\r\nContent-Type: application/problem+json\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n" + body;
}

}  // namespace web
