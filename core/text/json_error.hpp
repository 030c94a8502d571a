// Where a JSON text stops being JSON, for error messages of the readers that
// take documents and request bodies ("not valid JSON at byte 17 (...)").
#pragma once

#include <string>
#include <string_view>

namespace core {

// Call only for text that failed to parse.
std::string describe_invalid_json(std::string_view text);

}  // namespace core
