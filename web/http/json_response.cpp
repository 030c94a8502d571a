#include "web/http/json_response.hpp"

#include "core/text/json_reader.hpp"
#include "web/http/problem.hpp"
#include "web/http/response_body.hpp"

namespace web {

void send_json(httplib::Response& response, int status, const nlohmann::ordered_json& body) {
    response.status = status;
    response.set_header("Cache-Control", "no-store");
    set_body(response, json_text(body), "application/json");
}

std::string json_text(const nlohmann::ordered_json& body) {
    // replace: text stored with broken UTF-8 must not make the answer fail.
    return body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::optional<nlohmann::json> json_object_body(const httplib::Request& request, httplib::Response& response) {
    nlohmann::json body = core::read_json(request.body);
    if (body.is_discarded() || !body.is_object()) {
        send_problem(response, 400,
                     core::json_nesting_exceeds(request.body)
                         ? "The request body nests arrays and objects more than " +
                               std::to_string(core::deepest_json_nesting) + " deep; no request needs that."
                         : std::string("The request body must be a JSON object."));
        return std::nullopt;
    }
    return body;
}

std::optional<std::string> string_member(const nlohmann::json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

}  // namespace web
