#include "core/checks/free_text.hpp"

#include "core/text/utf8_text.hpp"

#include <algorithm>

namespace core {

namespace {

// "20,000": long counts are easier to read with a separator.
std::string thousands(size_t n) {
    std::string digits = std::to_string(n);
    for (int at = int(digits.size()) - 3; at > 0; at -= 3) digits.insert(size_t(at), ",");
    return digits;
}

// Where the text stops being UTF-8, said as the characters just before it.
std::string invalid_utf8_problem(std::string_view text) {
    const size_t valid = valid_utf8_prefix(text);
    std::optional<std::u32string> before = decode_utf8(text.substr(0, valid));
    std::u32string tail = before->substr(before->size() - std::min<size_t>(before->size(), 20));
    std::string where;
    for (char32_t c : tail) where += encode_utf8(c);
    return "The text contains bytes that are not readable characters" +
           (where.empty() ? std::string(" at its start") : " after \"" + where + "\"") +
           "; paste it again from the original, or type that part.";
}

}  // namespace

std::string line_text_problem(std::string_view text) {
    std::optional<std::u32string> characters = decode_utf8(text);
    if (!characters) return invalid_utf8_problem(text);
    if (text.find_first_of("\r\n") != std::string_view::npos)
        return "This field takes one line; remove the line breaks, or put the details in the description.";
    if (characters->size() > longest_line_text)
        return "This field takes at most 500 characters; this text has " + thousands(characters->size()) +
               ". Shorten it and put the details in the description.";
    return {};
}

std::string long_text_problem(std::string_view text) {
    std::optional<std::u32string> characters = decode_utf8(text);
    if (!characters) return invalid_utf8_problem(text);
    if (characters->size() > longest_long_text)
        return "This field takes at most 20,000 characters; this text has " + thousands(characters->size()) +
               ". Shorten it, and paste only the relevant lines of long logs.";
    return {};
}

std::string written_text_problem(std::string_view text, std::string_view when_empty) {
    if (std::string problem = long_text_problem(text); !problem.empty()) return problem;
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return std::string(when_empty);
    return {};
}

}  // namespace core
