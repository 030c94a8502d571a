// ASCII character classes, case and blanks: the small text rules for
// identifiers, schemes, hosts, header names and keywords. Never for people's
// words, whose letters and case are not ASCII's (see utf8_text.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace core {

constexpr bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_ascii_lower_alnum(char32_t c) { return (c >= 'a' && c <= 'z') || is_ascii_digit(c); }
constexpr bool is_ascii_alnum(char32_t c) { return is_ascii_letter(c) || is_ascii_digit(c); }
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

std::string ascii_lowercase(std::string_view text);
bool equals_ignoring_ascii_case(std::string_view a, std::string_view b);

// `text` is one or more digits 0-9 and nothing else.
bool is_ascii_digits(std::string_view text);

// `text` without spaces, tabs and line breaks at either end.
std::string_view trim_spaces(std::string_view text);

// The pieces of `text` between each `separator` ("a&b&" -> "a", "b", ""):
// pairs of a query string, a cookie header, a JWT's parts.
std::vector<std::string_view> split_on(std::string_view text, char separator);

}  // namespace core
