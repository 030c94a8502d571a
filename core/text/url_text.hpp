// Text put into a URL path or query: everything but RFC 3986's unreserved
// characters percent-encoded, so ids, cursors and searches pass unchanged.
#pragma once

#include <string>
#include <string_view>

namespace core {

std::string url_escape(std::string_view text);
// %XX sequences undone (and "+" as a space in form bodies and query
// strings); a "%" not followed by two hex digits stays as it is.
std::string url_unescape(std::string_view text, bool plus_is_space);

}  // namespace core
