#include "web/http/cacheable_content.hpp"

#include "web/http/etag.hpp"
#include "web/http/response_body.hpp"

namespace web {

namespace {

// The gzip form is a different representation, so it gets its own strong
// tag: a cache must never take one for the other.
std::string gzip_etag(const std::string& etag) {
    std::string tag = etag;
    tag.insert(tag.size() - 1, "-gzip");
    return tag;
}

}  // namespace

void send_cacheable(const httplib::Request& request, httplib::Response& response, const CacheableContent& content,
                    GzipCache& gzip_cache) {
    std::shared_ptr<const std::string> body = content.bytes;
    std::string etag = content.etag;
    bool gzipped = false;
    if (content.compressible) {
        response.set_header("Vary", "Accept-Encoding");
        if (accepts_gzip(request.get_header_value("Accept-Encoding"))) {
            if (auto gzip = gzip_cache.compressed(content.key, content.etag, *content.bytes)) {
                body = std::move(gzip);
                etag = gzip_etag(content.etag);
                gzipped = true;
            }
        }
    }

    response.set_header("Cache-Control", "no-cache");
    if (request.has_header("If-None-Match")) {
        const std::string listed = request.get_header_value("If-None-Match");
        // The portal asks with the plain bytes' tag (its compiled-in program's,
        // core::content_tag): the same content, whatever the encoding, so it
        // is told "unchanged" with the tag it knows.
        const bool same = if_none_match_matches(listed, etag);
        if (same || if_none_match_matches(listed, content.etag)) {
            response.set_header("ETag", same ? etag : content.etag);
            response.status = 304;
            return;
        }
    }
    response.set_header("ETag", etag);
    if (gzipped) response.set_header("Content-Encoding", "gzip");
    // The status stays unset: httplib makes it 206 when it serves a Range.
    set_body(response, std::move(body), content.content_type);
}

}  // namespace web
