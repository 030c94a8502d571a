#include "core/text/duration_text.hpp"

#include <cstdlib>

namespace core {

namespace {

std::string count_of(long long n, const char* unit) { return std::to_string(n) + " " + unit + (n == 1 ? "" : "s"); }

// Each unit from where it starts being used, in seconds; every start is a
// whole number of the unit before it, so words change only on a unit's steps.
struct Unit {
    long long from, length;
    const char* name;
};
constexpr Unit units[] = {
    {0, 1, "second"}, {120, 60, "minute"}, {120 * 60, 3600, "hour"}, {48 * 3600, 86400, "day"},
    {730LL * 86400, 31557600, "year"},   // Julian years of 365.25 days
};

const Unit& unit_of(long long s) {
    const Unit* unit = &units[0];
    for (const Unit& u : units)
        if (s >= u.from) unit = &u;
    return *unit;
}

}  // namespace

std::string duration_text(std::chrono::seconds d) {
    const long long s = std::llabs(d.count());
    const Unit& unit = unit_of(s);
    return count_of(s / unit.length, unit.name);
}

std::chrono::seconds duration_text_lasts(std::chrono::seconds age) {
    const long long s = age.count() < 0 ? 0 : age.count();
    const Unit& unit = unit_of(s);
    return std::chrono::seconds(unit.length - s % unit.length);
}

}  // namespace core
