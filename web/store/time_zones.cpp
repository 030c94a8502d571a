#include "web/store/time_zones.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

namespace web {

TimeZones::TimeZones(std::string folder) {
    core::read_zones_with([folder = std::move(folder)](const std::string& name) -> std::optional<std::string> {
        const std::string path = folder + "/" + name;   // name: core checked its shape
        // "Europe" is a folder of zones, not one: libstdc++'s filebuf throws
        // when it reads a directory, so only regular files are opened.
        std::error_code error;
        if (!std::filesystem::is_regular_file(path, error)) return std::nullopt;
        try {
            std::ifstream file(path, std::ios::binary);
            if (!file) return std::nullopt;
            std::string bytes{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
            if (file.bad()) return std::nullopt;
            return bytes;
        } catch (const std::ios_base::failure&) {
            return std::nullopt;   // unreadable: the name is simply not a zone
        }
    });
}

}  // namespace web
