// E-mail addresses as people type them: a practical syntax check, not
// RFC 5322's full grammar (no quoted names, comments or IP literals, which
// nobody types into an invitation form), and one spelling per address so
// "Sam@Example.com" and "sam@example.com " are the same account.
#pragma once

#include <string>
#include <string_view>

namespace core {

inline constexpr size_t longest_email_address = 254;   // what fits in SMTP's RCPT TO path

// Surrounding spaces removed and ASCII letters lowercased.
std::string normalize_email_address(std::string_view text);

// Empty when `address` (already normalized) looks deliverable; otherwise one
// sentence saying what to change, meant to be shown next to the field.
std::string email_address_problem(std::string_view address);

}  // namespace core
