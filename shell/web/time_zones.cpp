#include "time_zones.hpp"

#include <filesystem>
#include <fstream>

namespace shell {

static const char* zoneinfo = "/usr/share/zoneinfo";

std::vector<std::string> prepare_zoneinfo() {
    std::vector<std::string> names;
    std::ifstream list("/zoneinfo-names.txt");
    std::error_code error;
    std::filesystem::create_directories(zoneinfo, error);
    // tz.cpp looks for leap seconds here; an empty list is what we want.
    std::ofstream(std::string(zoneinfo) + "/leapseconds");
    for (std::string name; std::getline(list, name);) {
        if (name.empty()) continue;
        const std::filesystem::path file = std::filesystem::path(zoneinfo) / name;
        std::filesystem::create_directories(file.parent_path(), error);
        std::ofstream{file};
        names.push_back(std::move(name));
    }
    return names;
}

const date::time_zone* open_loaded_zone(const std::string& name) {
    try {
        const date::time_zone* zone = date::locate_zone(name);
        // Reading any instant loads and checks the rules now, not mid-frame.
        (void)zone->get_info(date::sys_seconds{});
        return zone;
    } catch (const std::exception&) {
        return nullptr;
    }
}

}  // namespace shell
