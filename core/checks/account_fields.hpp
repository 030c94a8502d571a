// What a person chooses when accepting an invitation: the name others see
// and a password. Rules here, so the service enforces them and the portal
// can say the same thing before sending.
#pragma once

#include <string>
#include <string_view>

namespace core {

inline constexpr int shortest_password = 12;    // characters (code points), not bytes
inline constexpr int longest_password = 200;
inline constexpr int longest_name = 100;

// Surrounding spaces removed.
std::string normalize_name(std::string_view text);

// Empty when fine; otherwise one sentence saying what to change.
std::string name_problem(std::string_view name);          // `name` already normalized
std::string password_problem(std::string_view password);  // taken as typed: spaces count

// Characters as a person counts them: UTF-8 code points.
int character_count(std::string_view utf8);

}  // namespace core
