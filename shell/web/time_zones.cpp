#include "time_zones.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

namespace shell {

static const char* zoneinfo = "/usr/share/zoneinfo";

std::vector<std::string> prepare_zoneinfo() {
    // An empty file per zone, so tz.cpp lists every name; the page fills in a
    // zone's rules when it is used. Plain open/close: about 600 files on the
    // way to the first frame, where ofstream and std::filesystem cost tens of ms.
    std::vector<std::string> names;
    std::ifstream list("/zoneinfo-names.txt");
    ::mkdir("/usr", 0755);
    ::mkdir("/usr/share", 0755);
    ::mkdir(zoneinfo, 0755);
    const auto touch = [](const std::string& path) {
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT, 0644);
        if (fd >= 0) ::close(fd);
    };
    touch(std::string(zoneinfo) + "/leapseconds");   // tz.cpp looks for leap seconds here; none is right
    for (std::string name; std::getline(list, name);) {
        if (name.empty()) continue;
        for (size_t slash = name.find('/'); slash != std::string::npos; slash = name.find('/', slash + 1))
            ::mkdir((std::string(zoneinfo) + "/" + name.substr(0, slash)).c_str(), 0755);   // EEXIST is fine
        touch(std::string(zoneinfo) + "/" + name);
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
