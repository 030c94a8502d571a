// Headers by name, in any letter case (HTTP/2 lowercases them, Firefox does
// not): cookie values go, cookie names and attributes stay; Authorization
// keeps its scheme and loses its credential (a bearer JWT keeps its claims);
// credential headers lose their value; headers holding URLs go through the
// URL rule; any other header loses only the signature of a JWT in it.
#pragma once

#include "core/har/redactor.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace core {

std::optional<std::string> redact_header(Redactor& redactor, std::string_view name, std::string_view value);

}  // namespace core
