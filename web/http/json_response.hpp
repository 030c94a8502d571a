// JSON in and out for the API's handlers: bodies that must be a JSON object,
// and answers that are never cached (they depend on who asks).
#pragma once

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace web {

void send_json(httplib::Response& response, int status, const nlohmann::ordered_json& body);

// The text send_json sends, for answers kept to be sent again (idempotent requests).
std::string json_text(const nlohmann::ordered_json& body);

// The request body as a JSON object; otherwise answers 400 and returns nothing.
std::optional<nlohmann::json> json_object_body(const httplib::Request& request, httplib::Response& response);

// A string member, nullopt when it is missing or not a string.
std::optional<std::string> string_member(const nlohmann::json& object, const char* key);

}  // namespace web
