// The pseudo-random numbers of the demo data: splitmix64, tiny, and the same
// sequence on every platform and library, which std::uniform_int_distribution
// does not promise. So synthetic tickets and users are the same every run.
#pragma once

#include <chrono>
#include <cstdint>

namespace web {

class DemoSequence {
public:
    explicit DemoSequence(uint64_t seed) : state_(seed) {}
    uint64_t next() {
        uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    int64_t below(int64_t bound) { return int64_t(next() % uint64_t(bound)); }   // the bias is irrelevant here
    // A span shorter than `bound`, in whole seconds.
    std::chrono::seconds below(std::chrono::seconds bound) { return std::chrono::seconds{below(bound.count())}; }

private:
    uint64_t state_;
};

}  // namespace web
