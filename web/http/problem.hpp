// Errors as application/problem+json (RFC 9457): {type, title, status, detail}.
// The title is the status text; the detail says what went wrong with this request.
// Problems with fields of a request body add "errors": {field: message},
// one sentence per field, meant to be shown next to it. A ticket's fields
// may each have several problems, so its errors come as a list instead:
// "errors": [{"field": "redirect_uri", "message": "..."}].
#pragma once

#include <httplib.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace web {

void send_problem(httplib::Response& response, int status, std::string_view detail);

void send_field_problems(httplib::Response& response, int status, std::string_view detail,
                         const std::map<std::string, std::string>& errors);

struct FieldProblem {
    std::string field;
    std::string message;
};

void send_field_problem_list(httplib::Response& response, int status, std::string_view detail,
                             const std::vector<FieldProblem>& errors);

// The problem body send_problem would write, for answers kept to be sent again
// (idempotent requests).
std::string problem_body(int status, std::string_view detail);

// A whole HTTP/1.1 answer with a problem body that closes the connection, for
// requests refused before httplib sees them (too large, too slow, malformed).
std::string problem_answer_bytes(int status, std::string_view detail);

// Gives a problem body to an error response httplib produced on its own (a
// request it could not parse, an oversized one). Returns false, changing
// nothing, for responses that already have a body.
bool add_problem_body_if_missing(httplib::Response& response);

}  // namespace web
