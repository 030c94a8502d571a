// Tests name zones as the service does: core's catalog reading the system's
// zoneinfo (Debian's tzdata). Each test program installs it once, before any
// test runs.
#pragma once

#include "core/time/zone_catalog.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

namespace tests {

// A zone's TZif file from the system's zoneinfo; nullopt when there is none.
inline std::optional<std::string> system_zone_file(const std::string& name) {
    // Folders such as "Europe" are not zones, and libstdc++ throws reading one.
    const std::string path = "/usr/share/zoneinfo/" + name;
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) return std::nullopt;
    std::ifstream file(path, std::ios::binary);
    if (!file) return std::nullopt;
    return std::string{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

inline bool read_system_zones() {
    core::read_zones_with(system_zone_file);
    return true;
}

}  // namespace tests
