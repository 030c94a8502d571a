// The static site under --public: index.html, portal.js, portal.wasm, the
// manifest, fonts. Request paths are checked before they touch the disk, so
// nothing outside the folder can be named. Each file is read, tagged and
// (when asked) compressed once per version, which is recognised by its size
// and modification time; a rebuilt portal.wasm is picked up on the next request.
#pragma once

#include "web/http/cacheable_content.hpp"
#include "web/http/gzip.hpp"

#include <httplib.h>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace web {

// The file under `root` a request path names ("/" names index.html), or
// nothing when the path could reach outside `root` or into hidden files.
// `request_path` is already percent-decoded, so "%2e%2e" arrives as "..".
std::optional<std::filesystem::path> public_file_path(const std::filesystem::path& root, std::string_view request_path);

class StaticFiles {
public:
    StaticFiles(std::filesystem::path root, GzipCache& gzip_cache);

    // Answers GET and HEAD for a file, or 404.
    void serve(const httplib::Request& request, httplib::Response& response);

private:
    struct CachedFile {
        uintmax_t size = 0;
        std::filesystem::file_time_type modified;
        CacheableContent content;
    };

    std::shared_ptr<const CachedFile> load(const std::filesystem::path& file);

    std::filesystem::path root_;
    GzipCache& gzip_cache_;
    std::mutex mutex_;
    std::map<std::filesystem::path, std::shared_ptr<const CachedFile>> files_;
};

}  // namespace web
