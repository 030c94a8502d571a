#include "web/http/conditional_request.hpp"

#include "web/http/etag.hpp"
#include "web/http/json_response.hpp"

namespace web {

std::string json_etag(const nlohmann::ordered_json& body) { return strong_etag(json_text(body)); }

void send_tagged_json(ApiCall& call, const nlohmann::ordered_json& body, const std::string& etag) {
    const httplib::Request& request = call.request;
    if (request.has_header("If-None-Match") && if_none_match_matches(request.get_header_value("If-None-Match"), etag)) {
        call.response.status = 304;
        call.response.set_header("Cache-Control", "no-store");
        call.response.set_header("ETag", etag);
        return;
    }
    send_json(call.response, 200, body);
    call.response.set_header("ETag", etag);
}

bool if_match_allows(const httplib::Request& request, const std::function<std::string()>& current) {
    return !request.has_header("If-Match") || if_match_matches(request.get_header_value("If-Match"), current());
}

std::string changed_since_read(const std::string& resource, const std::string& path) {
    return resource + " has changed since the copy your If-Match names was read, so nothing was done. "
                      "Get it again (GET " + path + "), check that the change still makes sense, and send it "
                      "with the new ETag in If-Match.";
}

}  // namespace web
