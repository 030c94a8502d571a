#include "duration_text.hpp"

#include <cstdlib>

namespace core {

namespace {

std::string count_of(long long n, const char* unit) { return std::to_string(n) + " " + unit + (n == 1 ? "" : "s"); }

}  // namespace

std::string duration_text(std::chrono::seconds d) {
    const long long s = std::llabs(d.count());
    if (s < 120) return count_of(s, "second");
    if (s < 120 * 60) return count_of(s / 60, "minute");
    if (s < 48 * 3600) return count_of(s / 3600, "hour");
    if (s < 730LL * 86400) return count_of(s / 86400, "day");
    return count_of(s / 31557600, "year");   // Julian years of 365.25 days
}

}  // namespace core
