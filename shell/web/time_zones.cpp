#include "time_zones.hpp"
#include "embedded_files.hpp"

#include <cstdio>

namespace shell {

std::vector<std::string> zone_names() {
    const std::span<const unsigned char> text = zone_names_text();
    std::vector<std::string> names;
    std::string name;
    for (const unsigned char ch : text) {
        if (ch != '\n') {
            name += static_cast<char>(ch);
        } else if (!name.empty()) {
            names.push_back(std::move(name));
            name.clear();
        }
    }
    if (!name.empty()) names.push_back(std::move(name));
    return names;
}

const core::TimeZone* keep_fetched_zone(const std::string& name, std::string_view tzif) {
    std::string error;
    std::optional<core::TimeZone> zone = core::TimeZone::from_tzif(name, tzif, &error);
    if (!zone) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return nullptr;
    }
    return core::keep_zone(std::move(*zone));
}

}  // namespace shell
