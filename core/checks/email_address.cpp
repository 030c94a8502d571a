#include "core/checks/email_address.hpp"

#include "core/text/ascii_text.hpp"
#include "core/text/utf8_text.hpp"

namespace core {

namespace {

constexpr size_t longest_local_part = 64;
constexpr size_t longest_domain_label = 63;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
// Mail goes out without SMTPUTF8 (RFC 6531), which many servers lack, so an
// address is ASCII only: a domain with other letters is typed in its
// "xn--" form, and a name before the @ with them cannot be delivered.
bool is_non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

bool allowed_in_local_part(char c) {
    if (is_ascii_letter(c) || is_ascii_digit(c)) return true;
    return std::string_view("!#$%&'*+/=?^_`{|}~.-").find(c) != std::string_view::npos;
}

bool allowed_in_domain(char c) { return is_ascii_letter(c) || is_ascii_digit(c) || c == '-' || c == '.'; }

// The character as the message quotes it; control characters have no visible form.
std::string shown(char c) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return "A control character";
    if (c == '"') return "'\"'";
    return std::string("\"") + c + "\"";
}

std::string domain_problem(std::string_view domain) {
    if (domain.find('.') == std::string_view::npos)
        return "The domain after the @ needs a dot and an ending, like example.com.";
    size_t start = 0;
    while (true) {
        size_t dot = domain.find('.', start);
        std::string_view label = domain.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (label.empty()) return "The domain after the @ has an empty part; remove the extra dot.";
        if (label.size() > longest_domain_label)
            return "Each part of the domain between dots is at most 63 characters; check the domain.";
        if (label.front() == '-' || label.back() == '-')
            return "A part of the domain cannot start or end with a hyphen; check the domain.";
        if (dot == std::string_view::npos) {
            // The last part names the top-level domain: "com", "berlin", "xn--p1ai"; never a number.
            bool has_letter = false;
            for (char c : label)
                if (is_ascii_letter(c)) has_letter = true;
            if (label.size() < 2 || !has_letter)
                return "The domain must end in a name like .com or .org, not \"." + std::string(label) + "\".";
            return {};
        }
        start = dot + 1;
    }
}

}  // namespace

std::string normalize_email_address(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    std::string address(text);
    for (char& c : address)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return address;
}

std::string email_address_problem(std::string_view address) {
    if (address.empty()) return "Enter an e-mail address, like name@example.com.";
    for (char c : address)
        if (is_space(c)) return "Remove the spaces from the e-mail address.";
    size_t at = address.find('@');
    if (at == std::string_view::npos)
        return "An e-mail address needs an @ between the name and the domain, like name@example.com.";
    if (address.find('@', at + 1) != std::string_view::npos)
        return "An e-mail address has exactly one @; remove the others.";
    if (address.size() > longest_email_address)
        return "An e-mail address is at most 254 characters; this one has " + std::to_string(address.size()) + ".";

    std::string_view local = address.substr(0, at);
    std::string_view domain = address.substr(at + 1);
    if (local.empty()) return "Put the name before the @, like name@example.com.";
    if (domain.empty()) return "Put the domain after the @, like name@example.com.";
    if (local.size() > longest_local_part) return "The part before the @ is at most 64 characters; shorten it.";
    for (char c : local)
        if (is_non_ascii(c))
            return "Use an address made of plain letters (a-z), digits and . _ - +: mail to addresses with other "
                   "characters before the @ cannot be sent from here.";
    for (char c : domain)
        if (is_non_ascii(c))
            return "Type the domain after the @ in its plain form (like xn--mller-kva.example for müller.example): "
                   "mail to domains with other characters cannot be sent from here.";
    for (char c : local)
        if (!allowed_in_local_part(c)) return shown(c) + " cannot be part of an e-mail address; remove it.";
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
        return "The part before the @ cannot start or end with a dot or have two dots in a row.";
    for (char c : domain)
        if (!allowed_in_domain(c)) return shown(c) + " cannot be part of the domain after the @; remove it.";
    return domain_problem(domain);
}

}  // namespace core
