#include "web/http/media_types.hpp"

#include "core/text/ascii_text.hpp"
#include "core/text/utf8_text.hpp"

#include <string>

namespace web {

namespace {

struct Entry {
    std::string_view extension;
    MediaType type;
};

const Entry known_types[] = {
    {"html", {"text/html; charset=utf-8", true}},
    {"js", {"text/javascript", true}},
    {"mjs", {"text/javascript", true}},
    {"wasm", {"application/wasm", true}},
    {"json", {"application/json", true}},
    {"webmanifest", {"application/manifest+json", true}},
    {"css", {"text/css", true}},
    {"svg", {"image/svg+xml", true}},
    {"txt", {"text/plain; charset=utf-8", true}},
    {"otf", {"font/otf", true}},
    {"ttf", {"font/ttf", true}},
    {"woff2", {"font/woff2", false}},
    {"png", {"image/png", false}},
    {"ico", {"image/x-icon", true}},
    {"data", {"application/octet-stream", true}},  // Emscripten's preloaded file package
};

}  // namespace

MediaType media_type_for(std::string_view file_name) {
    size_t dot = file_name.rfind('.');
    if (dot != std::string_view::npos) {
        const std::string extension = core::ascii_lowercase(file_name.substr(dot + 1));
        for (const Entry& entry : known_types)
            if (entry.extension == extension) return entry.type;
    }
    return {"application/octet-stream", false};
}

}  // namespace web
