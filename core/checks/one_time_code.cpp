#include "core/checks/one_time_code.hpp"

namespace core {

std::string normalize_one_time_code(std::string_view typed) {
    std::string code;
    for (char c : typed) {
        if (c == ' ' || c == '\t' || c == '-') continue;
        code += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    }
    return code;
}

bool is_authenticator_code(std::string_view code) {
    if (code.size() != 6) return false;
    for (char c : code)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace core
