#include "web/store/time_zones.hpp"

#include <stdexcept>

namespace web {

const date::time_zone* TimeZones::find(const std::string& name) {
    std::lock_guard lock(mutex_);
    if (auto found = zones_.find(name); found != zones_.end()) return found->second;
    try {
        const date::time_zone* zone = date::locate_zone(name);
        zones_.emplace(name, zone);
        return zone;
    } catch (const std::runtime_error&) {
        // Unknown names are not remembered: one day they may come from
        // requests, and the cache must not grow with what clients send.
        return nullptr;
    }
}

}  // namespace web
