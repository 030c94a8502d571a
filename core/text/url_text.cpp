#include "core/text/url_text.hpp"
#include "core/text/ascii_text.hpp"

namespace core {

std::string url_escape(std::string_view text) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        const bool plain = is_ascii_alnum(c) || c == '-' || c == '_' || c == '.' || c == '~';
        if (plain) {
            out += c;
        } else {
            out += '%';
            out += hex[(static_cast<unsigned char>(c) >> 4) & 0xF];
            out += hex[static_cast<unsigned char>(c) & 0xF];
        }
    }
    return out;
}

}  // namespace core
