#include "core/checks/tenant_slug.hpp"
#include "core/text/ascii_text.hpp"

#include "core/text/utf8_text.hpp"

namespace core {

namespace {

constexpr size_t shortest_slug = 3;
constexpr size_t longest_slug = 63;   // a DNS label

bool allowed_in_slug(char32_t c) { return is_ascii_lower_alnum(c) || c == '-'; }

std::string with_suggestion(std::string message, std::string_view slug) {
    std::string suggestion = suggest_tenant_slug(slug);
    if (!suggestion.empty() && suggestion != slug) message += " Try " + in_quotes(suggestion) + ".";
    return message;
}

}  // namespace

std::string suggest_tenant_slug(std::string_view text) {
    std::string slug;
    for (char c : text) {
        c = ascii_lower(c);
        bool keep = is_ascii_lower_alnum(c);
        // Runs of anything else become one hyphen: "Acme  Prod" -> "acme-prod".
        if (keep) slug += c;
        else if (!slug.empty() && slug.back() != '-') slug += '-';
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    if (slug.size() > longest_slug) slug.resize(longest_slug);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    if (slug.size() < shortest_slug) return {};
    return slug;
}

std::string tenant_slug_problem(std::string_view slug) {
    std::optional<std::u32string> characters = decode_utf8(slug);
    if (!characters) return with_suggestion("A tenant slug uses only lowercase letters, digits and hyphens.", slug);
    std::u32string unwanted;
    for (char32_t c : *characters)
        if (!allowed_in_slug(c)) unwanted += c;
    if (!unwanted.empty())
        return with_suggestion("A tenant slug uses only lowercase letters, digits and hyphens; " + in_quotes(slug) +
                                   " has " + quote_characters(unwanted) + ".",
                               slug);
    if (slug.size() < shortest_slug || slug.size() > longest_slug)
        return "A tenant slug has 3 to 63 characters; " + in_quotes(slug) + " has " + std::to_string(slug.size()) +
               ". Copy it from the dashboard's tenant switcher.";
    if (slug.front() == '-' || slug.back() == '-')
        return with_suggestion("A tenant slug cannot start or end with a hyphen.", slug);
    return {};
}

}  // namespace core
