// Putting bytes into an httplib response.
//
// Debian's cpp-httplib is built with zlib and brotli, and it compresses any
// text-like body on its own whenever the client accepts it: on top of our
// gzip (double encoding) and without Vary. A body given through a content
// provider of known length is sent as it is, so every response goes through
// here and the encoding stays our decision.
#pragma once

#include <httplib.h>

#include <memory>
#include <string>
#include <string_view>

namespace web {

void set_body(httplib::Response& response, std::shared_ptr<const std::string> bytes, const std::string& content_type);
void set_body(httplib::Response& response, std::string bytes, const std::string& content_type);

}  // namespace web
