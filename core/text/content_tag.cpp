#include "core/text/content_tag.hpp"

#include <cstdint>
#include <cstdio>

namespace core {

std::string content_tag(std::string_view bytes) {
    uint64_t hash = 0xcbf29ce484222325ull;   // FNV-1a, 64 bits
    for (unsigned char byte : bytes) {
        hash ^= byte;
        hash *= 0x100000001b3ull;
    }
    char text[48];
    std::snprintf(text, sizeof text, "\"%016llx-%llx\"", static_cast<unsigned long long>(hash),
                  static_cast<unsigned long long>(bytes.size()));
    return text;
}

}  // namespace core
