#include "web/store/time_zones.hpp"

#include "web/store/file_bytes.hpp"

#include <filesystem>

namespace web {

TimeZones::TimeZones(std::string folder) {
    core::read_zones_with([folder = std::move(folder)](const std::string& name) -> std::optional<std::string> {
        const std::string path = folder + "/" + name;   // name: core checked its shape
        // "Europe" is a folder of zones, not one; unreadable: the name is simply not a zone.
        return read_file_bytes(path);
    });
}

}  // namespace web
