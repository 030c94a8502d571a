#include "core/checks/identifier_check.hpp"
#include "core/text/ascii_text.hpp"

#include "core/text/utf8_text.hpp"

namespace core {

namespace {

constexpr size_t longest_free_identifier = 200;

bool fits(IdentifierCharacters characters, char32_t c) {
    switch (characters) {
        case IdentifierCharacters::Alphanumeric: return is_ascii_alnum(c);
        case IdentifierCharacters::LowercaseHex: return is_ascii_digit(c) || (c >= 'a' && c <= 'f');
        case IdentifierCharacters::Digits: return is_ascii_digit(c);
    }
    return false;
}

std::string describe(IdentifierCharacters characters) {
    switch (characters) {
        case IdentifierCharacters::Alphanumeric: return "letters or digits";
        case IdentifierCharacters::LowercaseHex: return "hexadecimal digits (0-9, a-f)";
        case IdentifierCharacters::Digits: return "digits";
    }
    return "characters";
}

// "An organization ID": the article follows the sound of the name's first letter.
std::string a_name(std::string_view name) {
    const bool vowel = !name.empty() && std::string_view("aeiouAEIOU").find(name.front()) != std::string_view::npos;
    return (vowel ? "An " : "A ") + std::string(name);
}

// "An organization ID is "org_" followed by 16 to 32 letters or digits, like org_7Hq2KpL9sX4mN1aB"
std::string shape(const IdentifierFormat& f) {
    std::string count = f.min_length == f.max_length
                            ? std::to_string(f.min_length)
                            : std::to_string(f.min_length) + " to " + std::to_string(f.max_length);
    std::string what = f.prefix.empty() ? count + " " + describe(f.characters)
                                        : in_quotes(f.prefix) + " followed by " + count + " " + describe(f.characters);
    return a_name(f.name) + " is " + what + ", like " + f.example;
}

}  // namespace

std::string identifier_problem(const IdentifierFormat& format, std::string_view text) {
    std::string_view body = text;
    if (!text.starts_with(format.prefix)) {
        // Say what to do when the rest already fits: usually the prefix was left out when copying.
        if (identifier_problem(format, std::string(format.prefix) + std::string(text)).empty())
            return shape(format) + "; add " + in_quotes(format.prefix) + " in front.";
        return shape(format) + "; " + in_quotes(text) + " does not start with " + in_quotes(format.prefix) + ".";
    }
    body.remove_prefix(format.prefix.size());
    std::optional<std::u32string> characters = decode_utf8(body);
    std::u32string unwanted;
    if (characters)
        for (char32_t c : *characters)
            if (!fits(format.characters, c)) unwanted += c;
    if (!characters || !unwanted.empty()) {
        std::string found = characters ? quote_characters(unwanted) : "characters that are not text";
        return shape(format) + "; this one has " + found + ". Copy it again from its settings page.";
    }
    const size_t length = characters->size();
    if (length < size_t(format.min_length) || length > size_t(format.max_length)) {
        std::string after = format.prefix.empty() ? "" : " after " + in_quotes(format.prefix);
        return shape(format) + "; this one has " + std::to_string(length) + after + ".";
    }
    return {};
}

std::string free_identifier_problem(std::string_view text, std::string_view example) {
    const std::string like = example.empty() ? "" : ", like " + std::string(example);
    std::optional<std::u32string> characters = decode_utf8(text);
    if (!characters) return "An ID is plain letters, digits and punctuation" + like + "; copy it again from its source.";
    std::u32string spaces, unwanted;
    for (char32_t c : *characters) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') spaces += c;
        else if (c < 0x21 || c > 0x7E) unwanted += c;
    }
    if (!spaces.empty())
        return "An ID is one word without spaces" + like + "; enter a single ID and remove the spaces.";
    if (!unwanted.empty())
        return "An ID is plain letters, digits and punctuation" + like + "; this one has " +
               quote_characters(unwanted) + ". Copy it again from its source.";
    if (characters->size() > longest_free_identifier)
        return "An ID is at most 200 characters; this one has " + std::to_string(characters->size()) +
               ". Paste only the ID" + like + ".";
    return {};
}

}  // namespace core
