#include "web/http/etag.hpp"

#include "web/http/http_whitespace.hpp"

namespace web {

namespace {

// Whether the header's comma-separated list has "*" or a tag `matches` accepts.
template <class Matches>
bool lists(std::string_view header, Matches matches) {
    while (!header.empty()) {
        size_t comma = header.find(',');
        std::string_view tag = trim_optional_whitespace(header.substr(0, comma));
        header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
        if (tag == "*" || (!tag.empty() && matches(tag))) return true;
    }
    return false;
}

std::string_view opaque(std::string_view tag) {
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    return tag;
}

}  // namespace

bool if_none_match_matches(std::string_view if_none_match, std::string_view etag) {
    return lists(if_none_match, [&](std::string_view tag) { return opaque(tag) == opaque(etag); });
}

bool if_match_matches(std::string_view if_match, std::string_view etag) {
    return lists(if_match, [&](std::string_view tag) { return !tag.starts_with("W/") && tag == etag; });
}

}  // namespace web
