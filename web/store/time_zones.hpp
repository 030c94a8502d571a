// IANA time zones by name for the service: core's catalog, reading each
// zone's TZif file from the system's zoneinfo the first time it is named.
// An unknown name is simply null. Safe to use from every HTTP worker thread.
#pragma once

#include "core/time/zone_catalog.hpp"

#include <string>

namespace web {

class TimeZones {
public:
    // Makes core's catalog read zones from `folder` (Debian's tzdata).
    explicit TimeZones(std::string folder = "/usr/share/zoneinfo");

    // The zone, or null when there is no zone of that name. Zones live for
    // the life of the program.
    const core::TimeZone* find(const std::string& name) const { return core::locate_zone(name); }
};

}  // namespace web
