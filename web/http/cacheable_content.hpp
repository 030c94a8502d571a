// Content a browser may keep but must revalidate before use (the app files
// and the program document are not versioned in their names):
// Cache-Control: no-cache, a strong ETag, 304 for a matching If-None-Match,
// and gzip when the client accepts it and the type compresses well.
#pragma once

#include "web/http/gzip.hpp"

#include <httplib.h>

#include <memory>
#include <string>

namespace web {

struct CacheableContent {
    std::string key;                            // names it in the gzip cache (a file path)
    std::shared_ptr<const std::string> bytes;
    std::string content_type;
    std::string etag;                           // strong, of `bytes`
    bool compressible = false;
};

void send_cacheable(const httplib::Request& request, httplib::Response& response, const CacheableContent& content,
                    GzipCache& gzip_cache);

}  // namespace web
