// IANA time zones by name, looked up once each. date::locate_zone reads the
// system's zoneinfo and throws for a name it does not know; here an unknown
// name is simply null. Safe to use from every HTTP worker thread.
#pragma once

#include <date/tz.h>

#include <map>
#include <mutex>
#include <string>

namespace web {

class TimeZones {
public:
    // The zone, or null when there is no zone of that name. date keeps the
    // zones alive for the life of the program.
    const date::time_zone* find(const std::string& name);

private:
    std::mutex mutex_;
    std::map<std::string, const date::time_zone*> zones_;   // known zones only
};

}  // namespace web
