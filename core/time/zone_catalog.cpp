#include "core/time/zone_catalog.hpp"
#include "core/text/ascii_text.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

namespace core {

namespace {

struct Catalog {
    std::mutex mutex;
    ZoneFileReader reader;
    std::vector<std::string> names;   // sorted; empty when the shell does not list them
    // Read zones only: an unknown name is not remembered, so what clients
    // send cannot grow it.
    std::map<std::string, std::unique_ptr<TimeZone>, std::less<>> zones;
};

Catalog& catalog() {
    static Catalog instance;
    return instance;
}

}  // namespace

void read_zones_with(ZoneFileReader reader) {
    Catalog& c = catalog();
    std::lock_guard lock(c.mutex);
    c.reader = std::move(reader);
}

void set_zone_names(std::vector<std::string> names) {
    std::sort(names.begin(), names.end());
    Catalog& c = catalog();
    std::lock_guard lock(c.mutex);
    c.names = std::move(names);
}

const TimeZone* locate_zone(std::string_view name) {
    Catalog& c = catalog();
    std::lock_guard lock(c.mutex);
    if (auto it = c.zones.find(name); it != c.zones.end()) return it->second.get();
    if (name == "UTC") return &TimeZone::utc();
    if (!c.reader || !is_zone_name_shape(name)) return nullptr;
    // When the shell listed the zones, nothing else is handed to its reader:
    // a folder such as "Europe" has a zone's shape but is not one.
    if (!c.names.empty() && !std::binary_search(c.names.begin(), c.names.end(), name)) return nullptr;
    const std::string key(name);
    std::optional<TimeZone> zone;
    if (std::optional<std::string> bytes = c.reader(key)) zone = TimeZone::from_tzif(key, *bytes);
    if (!zone) return nullptr;
    return c.zones.emplace(key, std::make_unique<TimeZone>(std::move(*zone))).first->second.get();
}

bool is_zone_name(std::string_view name) {
    {
        Catalog& c = catalog();
        std::lock_guard lock(c.mutex);
        if (!c.names.empty()) return std::binary_search(c.names.begin(), c.names.end(), name);
    }
    return locate_zone(name) != nullptr;
}

const TimeZone* keep_zone(TimeZone zone) {
    Catalog& c = catalog();
    std::lock_guard lock(c.mutex);
    auto it = c.zones.find(zone.name());
    if (it == c.zones.end()) {
        std::string key = zone.name();
        it = c.zones.emplace(std::move(key), std::make_unique<TimeZone>(std::move(zone))).first;
    }
    return it->second.get();
}

bool is_zone_name_shape(std::string_view name) {
    if (name.empty() || name.size() > 128) return false;
    size_t part_start = 0;
    for (size_t i = 0; i <= name.size(); ++i) {
        if (i == name.size() || name[i] == '/') {
            const std::string_view part = name.substr(part_start, i - part_start);
            if (part.empty()) return false;
            part_start = i + 1;
            continue;
        }
        const char ch = name[i];
        const bool allowed = is_ascii_alnum(ch) || ch == '_' || ch == '-' || ch == '+';
        if (!allowed) return false;
    }
    return true;
}

}  // namespace core
