// Time zones in the browser. The module carries only the zone names (~10 KB);
// each zone's TZif file is fetched when first needed (a few KB) instead of
// 2 MB of tzdata up front, and read by core::TimeZone.
#pragma once

#include "core/time/zone_catalog.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace shell {

// Every zone name the viewer may choose, as core's catalog knows them too.
std::vector<std::string> zone_names();

// The zone read from its fetched file, kept for the life of the page; nullptr
// (and a line on the console) when the file is not a zone.
const core::TimeZone* keep_fetched_zone(const std::string& name, std::string_view tzif);

}  // namespace shell
