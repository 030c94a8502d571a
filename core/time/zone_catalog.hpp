// The time zones this program can name, each read once and kept for the
// life of the program. core reads no files: a shell says where a zone's TZif
// bytes come from (the service and the command line read the system's
// zoneinfo; the browser adds each zone as its file arrives). Safe to use from
// several threads.
#pragma once

#include "core/time/time_zone.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// The bytes of the zone's TZif file, or nullopt when there is none. Called
// only with names that pass is_zone_name_shape; once a zone is read it is
// kept, an unknown name is asked again.
using ZoneFileReader = std::function<std::optional<std::string>(const std::string& name)>;

// Where zones come from when first asked for.
void read_zones_with(ZoneFileReader reader);
// The names the viewer may pick from, when a shell knows them before it can
// read their rules (the browser); elsewhere a name is known when it reads.
void set_zone_names(std::vector<std::string> names);

// The zone's rules: nullptr when the name is unknown, its file unreadable or
// (in the browser) not fetched yet. "UTC" is always there.
const TimeZone* locate_zone(std::string_view name);
// A zone the viewer may name, whether or not its rules are loaded yet.
bool is_zone_name(std::string_view name);
// Keeps a zone read elsewhere and returns it; a zone of that name already
// kept stays (the earlier pointer remains valid).
const TimeZone* keep_zone(TimeZone zone);

// Letters, digits, "_", "-", "+" and "/" between parts, as tzdata names
// are: never a dot, an absolute path or an empty part, so a reader can join
// it to a folder safely.
bool is_zone_name_shape(std::string_view name);

}  // namespace core
