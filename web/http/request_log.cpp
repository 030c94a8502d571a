#include "web/http/request_log.hpp"

#include <chrono>
#include <cstdio>
#include <string_view>

namespace web {

namespace {

using Clock = std::chrono::steady_clock;

// httplib handles a request from parsing to logging on one worker thread.
// Requests it rejects before routing are logged without a start: 0 ms.
thread_local Clock::time_point request_started;

std::string escaped(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text) {
        if (c <= 0x20 || c >= 0x7f || c == '\\') {
            char code[5];
            std::snprintf(code, sizeof code, "\\x%02x", c);
            out += code;
        } else {
            out += char(c);
        }
    }
    return out;
}

// The links mailed to people carry their token in the path: a log line must
// not open the account.
std::string without_secrets(const std::string& path) {
    for (const std::string_view prefix : {"/api/v1/invitations/", "/api/v1/password-resets/"}) {
        if (!path.starts_with(prefix)) continue;
        size_t token_end = path.find('/', prefix.size());
        return std::string(prefix) + "[token]" + (token_end == std::string::npos ? "" : path.substr(token_end));
    }
    return path;
}

size_t body_bytes(const httplib::Request& request, const httplib::Response& response) {
    if (request.method == "HEAD" || response.status == 304 || response.status == 204) return 0;
    // httplib has written Content-Length by now, for a Range the part's length.
    if (response.has_header("Content-Length")) return response.get_header_value<uint64_t>("Content-Length");
    return response.content_provider_ ? response.content_length_ : response.body.size();
}

}  // namespace

void mark_request_start() { request_started = Clock::now(); }

std::string request_log_line(const httplib::Request& request, const httplib::Response& response) {
    double milliseconds = 0;
    if (request_started != Clock::time_point()) {
        milliseconds = std::chrono::duration<double, std::milli>(Clock::now() - request_started).count();
        request_started = Clock::time_point();
    }
    char numbers[96];
    std::snprintf(numbers, sizeof numbers, " %d %.2f ms %zu bytes", response.status, milliseconds, body_bytes(request, response));
    return escaped(request.method) + " " + escaped(request.path.empty() ? "-" : without_secrets(request.path)) + numbers;
}

}  // namespace web
