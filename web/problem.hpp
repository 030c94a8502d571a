// Errors as application/problem+json (RFC 9457): {type, title, status, detail}.
// The title is the status text; the detail says what went wrong with this request.
#pragma once

#include <httplib.h>

#include <string_view>

namespace web {

void send_problem(httplib::Response& response, int status, std::string_view detail);

// Gives a problem body to an error response httplib produced on its own (a
// request it could not parse, an oversized one). Returns false, changing
// nothing, for responses that already have a body.
bool add_problem_body_if_missing(httplib::Response& response);

}  // namespace web
