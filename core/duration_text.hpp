// A span of time the way a message says it: "45 seconds", "5 minutes",
// "3 days", "13 years". Rounded down to the largest fitting unit, precise
// enough to tell a skewed clock (minutes) from a stale token (days).
#pragma once

#include <chrono>
#include <string>

namespace core {

// The length of `d`, whatever its sign.
std::string duration_text(std::chrono::seconds d);

}  // namespace core
