#include "core/checks/account_fields.hpp"

#include "core/text/utf8_text.hpp"

namespace core {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_control(char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }

}  // namespace

int character_count(std::string_view utf8) {
    int count = 0;
    for (char c : utf8)
        if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) count++;   // continuation bytes belong to the one before
    return count;
}

std::string normalize_name(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return std::string(text);
}

std::string name_problem(std::string_view name) {
    if (name.empty()) return "Enter your name as colleagues should see it.";
    int count = character_count(name);
    if (count > longest_name)
        return "A name is at most " + std::to_string(longest_name) + " characters; this one has " + std::to_string(count) + ".";
    // Others see the name in lists and e-mails: nothing in it may be invisible
    // yet change what is shown around it, or break the line it stands on.
    std::optional<std::u32string> characters = decode_utf8(name);
    if (!characters) return "The name has bytes that are not text (UTF-8); type it again.";
    for (char32_t c : *characters) {
        if (c == '\t' || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029)
            return "Remove the line breaks and tabs from the name.";
        if (is_hidden_control(c))
            return "Remove the invisible character " + code_point_name(c) +
                   " from the name: it changes how the text around it is shown.";
    }
    return {};
}

std::string password_problem(std::string_view password) {
    int count = character_count(password);
    if (count < shortest_password)
        return "Use at least " + std::to_string(shortest_password) + " characters; this password has " + std::to_string(count) +
               ". A few unrelated words make a long password easy to remember.";
    if (count > longest_password)
        return "Use at most " + std::to_string(longest_password) + " characters; this password has " + std::to_string(count) + ".";
    for (char c : password)
        if (is_control(c)) return "Remove the line breaks and tabs from the password.";
    return {};
}

}  // namespace core
