// Conditional requests on the API's resources (RFC 9110 section 13). What a
// client reads and may later change (a ticket, a support user, their lists)
// comes with a strong ETag; If-None-Match with it gets a body-less 304, and
// an update sent with If-Match is refused with 412 when the resource has
// changed since that copy was read, instead of overwriting someone else's
// change. If-Match is optional: without it an update goes ahead as it did
// before ETags, so clients that do not send it yet keep working.
#pragma once

#include "web/http/api_router.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace web {

// The ETag of a JSON answer: over its text, so it changes whenever the answer does.
std::string json_etag(const nlohmann::ordered_json& body);

// Answers 200 with `body` (as send_json does) and `etag`, or 304 with no
// body when the request's If-None-Match lists `etag`.
void send_tagged_json(ApiCall& call, const nlohmann::ordered_json& body, const std::string& etag);

// Whether the request may change a resource: it sends no If-Match, or one
// that names the resource's ETag as it now is. `current` gives that ETag; it
// is asked only when there is an If-Match, since working it out costs reads.
bool if_match_allows(const httplib::Request& request, const std::function<std::string()>& current);

// The 412's detail: `resource` ("Ticket T-1021") changed; read it again at `path`.
std::string changed_since_read(const std::string& resource, const std::string& path);

}  // namespace web
