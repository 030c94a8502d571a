#include "etag.hpp"

#include <cstdint>
#include <cstdio>

namespace web {

std::string strong_etag(std::string_view bytes) {
    // FNV-1a over the bytes plus the length: not a defence against an
    // attacker (the files are ours), only a change detector.
    uint64_t hash = 0xcbf29ce484222325ull;
    for (unsigned char byte : bytes) {
        hash ^= byte;
        hash *= 0x100000001b3ull;
    }
    char text[48];
    std::snprintf(text, sizeof text, "\"%016llx-%llx\"", static_cast<unsigned long long>(hash),
                  static_cast<unsigned long long>(bytes.size()));
    return text;
}

bool if_none_match_matches(std::string_view if_none_match, std::string_view etag) {
    auto opaque = [](std::string_view tag) {
        if (tag.starts_with("W/")) tag.remove_prefix(2);
        return tag;
    };
    std::string_view wanted = opaque(etag);
    while (!if_none_match.empty()) {
        size_t comma = if_none_match.find(',');
        std::string_view tag = if_none_match.substr(0, comma);
        if_none_match = comma == std::string_view::npos ? std::string_view() : if_none_match.substr(comma + 1);
        while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
        while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
        if (tag == "*" || (!tag.empty() && opaque(tag) == wanted)) return true;
    }
    return false;
}

}  // namespace web
