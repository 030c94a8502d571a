#include "core/text/json_reader.hpp"

namespace core {

bool json_nesting_exceeds(std::string_view text, int limit) {
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
            continue;
        }
        switch (c) {
            case '"': in_string = true; break;
            case '[':
            case '{':
                if (++depth > limit) return true;
                break;
            case ']':
            case '}':
                // Unbalanced closers make the text invalid; the parser says so.
                if (depth > 0) --depth;
                break;
            default: break;
        }
    }
    return false;
}

}  // namespace core
