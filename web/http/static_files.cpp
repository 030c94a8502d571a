#include "web/http/static_files.hpp"

#include "web/http/etag.hpp"
#include "web/http/media_types.hpp"
#include "web/http/problem.hpp"
#include "web/store/file_bytes.hpp"

#include <system_error>

namespace web {

std::optional<std::filesystem::path> public_file_path(const std::filesystem::path& root, std::string_view request_path) {
    if (!request_path.starts_with('/')) return std::nullopt;
    std::string name(request_path.substr(1));
    if (name.empty() || name.ends_with('/')) name += "index.html";  // a folder means its index.html

    // Judge every segment on its own: an empty one ("//etc/passwd") would make
    // the rest absolute, ".." climbs out, and hidden files (".git") are not
    // part of the site. Backslashes and NUL have no business in our names.
    std::string_view remaining = name;
    while (true) {
        size_t slash = remaining.find('/');
        std::string_view segment = remaining.substr(0, slash);
        if (segment.empty() || segment.starts_with('.')) return std::nullopt;
        if (segment.find_first_of(std::string_view("\\\0", 2)) != std::string_view::npos) return std::nullopt;
        if (slash == std::string_view::npos) break;
        remaining.remove_prefix(slash + 1);
    }
    return root / name;
}

StaticFiles::StaticFiles(std::filesystem::path root, GzipCache& gzip_cache)
    : root_(std::move(root)), gzip_cache_(gzip_cache) {}

std::shared_ptr<const StaticFiles::CachedFile> StaticFiles::load(const std::filesystem::path& file) {
    // Symbolic links are followed on purpose: the folder is ours to arrange
    // (fonts may link to the system's copy); only the request is untrusted.
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) return nullptr;
    uintmax_t size = std::filesystem::file_size(file, error);
    if (error) return nullptr;
    std::filesystem::file_time_type modified = std::filesystem::last_write_time(file, error);
    if (error) return nullptr;

    {
        std::lock_guard lock(mutex_);
        auto found = files_.find(file);
        if (found != files_.end() && found->second->size == size && found->second->modified == modified) return found->second;
    }

    std::optional<std::string> bytes = read_file_bytes(file);
    if (!bytes) return nullptr;

    auto loaded = std::make_shared<CachedFile>();
    loaded->size = size;
    loaded->modified = modified;
    MediaType type = media_type_for(file.filename().string());
    loaded->content.key = file.string();
    loaded->content.bytes = std::make_shared<const std::string>(std::move(*bytes));
    loaded->content.content_type = std::string(type.content_type);
    loaded->content.etag = strong_etag(*loaded->content.bytes);
    loaded->content.compressible = type.compressible;

    std::lock_guard lock(mutex_);
    files_[file] = loaded;
    return loaded;
}

void StaticFiles::serve(const httplib::Request& request, httplib::Response& response) {
    std::optional<std::filesystem::path> file = public_file_path(root_, request.path);
    std::shared_ptr<const CachedFile> cached = file ? load(*file) : nullptr;
    if (!cached) {
        send_problem(response, 404, "There is no file at this address.");
        return;
    }
    send_cacheable(request, response, cached->content, gzip_cache_);
}

}  // namespace web
