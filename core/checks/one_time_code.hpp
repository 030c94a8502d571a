// A code typed for two-step sign-in: the 6 digits of an authenticator app or
// a recovery code ("3f9a1-c07e2"). People type them with spaces, dashes and
// capitals; the portal and the service read them the same way, here.
#pragma once

#include <string>
#include <string_view>

namespace core {

// Without spaces, tabs and dashes, in lower case: "123 456" -> "123456", "3F9A1-C07E2" -> "3f9a1c07e2".
std::string normalize_one_time_code(std::string_view typed);

// Six digits, as an authenticator app shows them (after normalizing).
bool is_authenticator_code(std::string_view code);

}  // namespace core
