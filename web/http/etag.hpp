// Entity tags: validators that let a browser ask "has this changed?" and get
// a body-less 304 when it has not, and let an update say "only if it is
// still as I read it" (If-Match).
#pragma once

#include "core/text/content_tag.hpp"

#include <string>
#include <string_view>

namespace web {

// A strong ETag (quoted) derived from the content, so equal bytes always get
// the same tag, across restarts too; the portal tags its compiled-in program
// the same way (core/text/content_tag).
inline std::string strong_etag(std::string_view bytes) { return core::content_tag(bytes); }

// If-None-Match is satisfied (answer 304) when it is "*" or lists `etag`.
// The comparison is weak, as RFC 9110 asks for this header: W/"x" matches "x".
bool if_none_match_matches(std::string_view if_none_match, std::string_view etag);

// If-Match is satisfied (go ahead) when it is "*" or lists `etag`. The
// comparison is strong, as RFC 9110 asks for this header: a weak tag names
// a copy that may differ, so it never matches.
bool if_match_matches(std::string_view if_match, std::string_view etag);

}  // namespace web
