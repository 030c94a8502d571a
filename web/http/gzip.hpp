// gzip for responses: compression with zlib, the Accept-Encoding decision,
// and a cache so each version of a file is compressed once, not per request.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace web {

// The gzip (RFC 1952) form of `bytes`, or nothing if zlib fails.
std::optional<std::string> gzip_compress(std::string_view bytes);

// True when an Accept-Encoding header value allows gzip, honouring q=0 and "*".
bool accepts_gzip(std::string_view accept_encoding);

class GzipCache {
public:
    // The compressed bytes of the version `etag` of the content known as `key`
    // (a request path). Null when compression does not make it smaller.
    std::shared_ptr<const std::string> compressed(const std::string& key, const std::string& etag, std::string_view bytes);

private:
    struct Entry {
        std::string etag;
        std::shared_ptr<const std::string> gzip;  // null: not worth it
    };
    std::mutex mutex_;
    std::map<std::string, Entry> entries_;  // one version per key, so memory stays bounded by the site's size
};

}  // namespace web
