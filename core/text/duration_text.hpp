// A span of time the way a message says it: "45 seconds", "5 minutes",
// "3 days", "13 years". Rounded down to the largest fitting unit, precise
// enough to tell a skewed clock (minutes) from a stale token (days).
#pragma once

#include <chrono>
#include <string>

namespace core {

// The length of `d`, whatever its sign.
std::string duration_text(std::chrono::seconds d);
// How much longer a growing age (zero or more) keeps its words: the smallest
// k > 0 with duration_text(age + k) != duration_text(age).
std::chrono::seconds duration_text_lasts(std::chrono::seconds age);

}  // namespace core
