// Redirect URIs as the authorization server checks them (seed 004: "match
// the app exactly, including scheme, host, port, and path"): the URI an app
// sends must equal one of the client's registered URIs byte for byte. So a
// host in other letter case, a written-out default port (:443) or a trailing
// slash is a mismatch; this module finds which one, part by part, and says so.
#pragma once

#include "core/checks/uri_parts.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

enum class RedirectDifferenceKind {
    Scheme,
    Userinfo,
    Host,
    HostCase,        // the same host in other letter case
    Port,
    DefaultPort,     // ":443" (or ":80") written on one side only
    Path,
    PathCase,        // the same path in other letter case
    TrailingSlash,   // the same path but for a "/" at the end
    Query,
    Fragment,
};

struct RedirectDifference {
    RedirectDifferenceKind kind = RedirectDifferenceKind::Path;
    std::string registered;   // the component as registered ("" when absent)
    std::string sent;         // the component as sent
    std::string explanation;  // both values and what to change
    bool operator==(const RedirectDifference&) const = default;
};

struct RedirectComparison {
    bool matches = false;                          // sent equals one registered URI exactly
    std::optional<size_t> closest;                 // index into the registered list; nullopt when none parses
    std::vector<RedirectDifference> differences;   // sent vs. the closest, component by component
    std::vector<std::string> problems;             // of the sent URI alone (see redirect_uri_problems)
};

RedirectComparison compare_redirect_uri(const std::vector<std::string>& registered, std::string_view sent);

// What is wrong with a redirect URI whatever is registered: it must parse,
// use https (http only for localhost, 127.0.0.1 and [::1]), have no fragment
// and no wildcard. Empty when none.
std::vector<std::string> redirect_uri_problems(std::string_view uri);

// One or two sentences for the form when the sent URI matches none of the
// registered ones: the closest and the kinds of difference. Empty on a match.
std::string redirect_mismatch_summary(const RedirectComparison& comparison, const std::vector<std::string>& registered,
                                      std::string_view sent);

// A few words for a difference kind: "host letter case", "trailing slash".
std::string_view describe(RedirectDifferenceKind kind);

// The registered URIs in a url_list field: one per line, blank lines and
// surrounding spaces ignored.
std::vector<std::string> split_url_lines(std::string_view text);

}  // namespace core
