// Absolute URIs split into their components (RFC 3986 section 3), as
// written: nothing is lowercased, decoded or defaulted, because redirect URIs
// are compared byte for byte and a difference in any part must show.
#pragma once

#include "core/text/parsed.hpp"
#include <optional>
#include <string>
#include <string_view>

namespace core {

struct UriParts {
    std::string scheme;                    // "https"
    std::optional<std::string> userinfo;   // before the "@" of the authority
    std::string host;                      // "app.example.com", "[::1]" with its brackets
    std::optional<std::string> port;       // as written after the ":"; nullopt without one
    std::string path;                      // "/callback"; may be empty
    std::optional<std::string> query;      // after "?" (present but empty for a bare "?")
    std::optional<std::string> fragment;   // after "#"
    bool operator==(const UriParts&) const = default;
};

// scheme "://" authority path ["?" query] ["#" fragment]. Only URIs with an
// authority (a host) are accepted: those are the ones a browser is sent to.
Parsed<UriParts> parse_uri(std::string_view text);

// 443 for https, 80 for http (either case), nullopt for other schemes.
std::optional<int> default_port(std::string_view scheme);

// Empty when `text` is an absolute http or https URL; otherwise what to fix.
std::string http_url_problem(std::string_view text);

}  // namespace core
