// Free text in a form: a one-line text (a summary, an error message) or a
// long description. Lengths are counted in characters, as people count them,
// and the service stores what the form accepted, so both enforce one limit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace core {

inline constexpr size_t longest_line_text = 500;
inline constexpr size_t longest_long_text = 20000;

// Empty when `text` is valid UTF-8, has no line break and at most 500 characters.
std::string line_text_problem(std::string_view text);
// Empty when `text` is valid UTF-8 of at most 20,000 characters.
std::string long_text_problem(std::string_view text);
// A reply or an escalation's reason: a long text that says something, not
// only spaces. `when_empty` asks for it in the caller's words. The portal
// checks before sending and the service on arrival, with this one rule.
std::string written_text_problem(std::string_view text, std::string_view when_empty);

}  // namespace core
