// Time zones in the browser: date's tz.cpp reads TZif files from
// /usr/share/zoneinfo in the module's file system. The module ships only the
// zone names; each zone's file is fetched when first needed (a few KB) instead
// of 2 MB of tzdata up front.
#pragma once

#include <date/tz.h>

#include <string>
#include <vector>

namespace shell {

// Creates the zoneinfo folder with an empty placeholder per zone name (tz.cpp
// lists zones by scanning it) and returns the names.
std::vector<std::string> prepare_zoneinfo();

// After the zone's file has been written: the zone, or nullptr if its rules
// cannot be read.
const date::time_zone* open_loaded_zone(const std::string& name);

}  // namespace shell
