// HTTP's optional whitespace (RFC 9110 5.6.3: spaces and tabs), trimmed from
// header values and list items: one rule for every header the service reads.
#pragma once

#include <string_view>

namespace web {

inline std::string_view trim_optional_whitespace(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

}  // namespace web
