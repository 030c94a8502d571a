// Text put into a URL path or query: everything but RFC 3986's unreserved
// characters percent-encoded, so ids, cursors and searches pass unchanged.
#pragma once

#include <string>
#include <string_view>

namespace core {

std::string url_escape(std::string_view text);

}  // namespace core
