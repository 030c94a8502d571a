#include "core/checks/uri_parts.hpp"

#include "core/text/ascii_text.hpp"
#include "core/text/utf8_text.hpp"

namespace core {

namespace {


// Length of the scheme at the start of `text` when a ":" follows it, else 0.
size_t scheme_length(std::string_view text) {
    if (text.empty() || !is_ascii_letter(text[0])) return 0;
    size_t at = 1;
    while (at < text.size() && (is_ascii_letter(text[at]) || is_ascii_digit(text[at]) || text[at] == '+' || text[at] == '-' ||
                                text[at] == '.'))
        ++at;
    return at < text.size() && text[at] == ':' ? at : 0;
}

Parsed<UriParts> failed(std::string error) { return {std::nullopt, std::move(error)}; }

}  // namespace

std::optional<int> default_port(std::string_view scheme) {
    const std::string s = ascii_lowercase(scheme);
    if (s == "https") return 443;
    if (s == "http") return 80;
    return std::nullopt;
}

Parsed<UriParts> parse_uri(std::string_view text) {
    if (text.empty()) return failed("Enter a URL, like https://app.example.com/callback.");
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            return failed("A URL has no spaces; remove them, or write a space that belongs in it as %20.");
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            return failed("The URL contains a control character; type it again instead of pasting it.");
        if (c == '\\') return failed("A URL uses forward slashes (/), not backslashes (\\); replace them.");
    }
    if (valid_utf8_prefix(text) != text.size())
        return failed("The URL contains characters that are not text; type it again instead of pasting it.");

    const size_t scheme_end = scheme_length(text);
    // "localhost:3000/cb" reads as scheme "localhost"; a scheme never has digits only after it like a port.
    const bool looks_like_host_and_port =
        scheme_end > 0 && scheme_end + 1 < text.size() && is_ascii_digit(text[scheme_end + 1]);
    if (scheme_end == 0 || looks_like_host_and_port) {
        std::string_view rest = text.starts_with("//") ? text.substr(2) : text;
        return failed("The URL needs its scheme in front; write https://" + std::string(rest) + " (or http:// for "
                      "localhost).");
    }
    UriParts uri;
    uri.scheme = std::string(text.substr(0, scheme_end));
    std::string_view rest = text.substr(scheme_end + 1);
    if (!rest.starts_with("//"))
        return failed("Write two slashes after " + in_quotes(uri.scheme + ":") + ", like " + uri.scheme +
                      "://app.example.com/callback.");
    rest.remove_prefix(2);

    const size_t authority_end = rest.find_first_of("/?#");
    std::string_view authority = rest.substr(0, authority_end);
    rest = authority_end == std::string_view::npos ? std::string_view{} : rest.substr(authority_end);

    if (size_t at = authority.rfind('@'); at != std::string_view::npos) {
        uri.userinfo = std::string(authority.substr(0, at));
        authority.remove_prefix(at + 1);
    }
    std::string_view port;
    bool has_port = false;
    if (authority.starts_with("[")) {
        const size_t close = authority.find(']');
        if (close == std::string_view::npos)
            return failed("The IPv6 address in the URL needs a closing \"]\", like https://[::1]:8443/callback.");
        uri.host = std::string(authority.substr(0, close + 1));
        std::string_view after = authority.substr(close + 1);
        if (!after.empty() && after[0] != ':')
            return failed("After the \"]\" of an IPv6 address comes \":\" and a port, or the path.");
        has_port = !after.empty();
        if (has_port) port = after.substr(1);
    } else {
        const size_t colon = authority.find(':');
        uri.host = std::string(authority.substr(0, colon));
        has_port = colon != std::string_view::npos;
        if (has_port) port = authority.substr(colon + 1);
    }
    if (uri.host.empty())
        return failed("The URL has no host after " + in_quotes(uri.scheme + "://") + "; add one, like " + uri.scheme +
                      "://app.example.com/callback.");
    if (has_port) {
        bool number = !port.empty() && port.size() <= 5;
        for (char c : port) number = number && is_ascii_digit(c);
        if (!number || std::stoi(std::string(port)) < 1 || std::stoi(std::string(port)) > 65535)
            return failed("The port after the host is a number from 1 to 65535; " + in_quotes(port) +
                          " is not. Remove the \":\" if there is no port.");
        uri.port = std::string(port);
    }

    const size_t hash = rest.find('#');
    if (hash != std::string_view::npos) {
        uri.fragment = std::string(rest.substr(hash + 1));
        rest = rest.substr(0, hash);
    }
    const size_t question = rest.find('?');
    if (question != std::string_view::npos) {
        uri.query = std::string(rest.substr(question + 1));
        rest = rest.substr(0, question);
    }
    uri.path = std::string(rest);
    return {std::move(uri), {}};
}

std::string http_url_problem(std::string_view text) {
    Parsed<UriParts> parsed = parse_uri(text);
    if (!parsed) return parsed.error;
    if (!default_port(parsed.value->scheme))
        return "Enter a web address starting with https:// or http://; " + in_quotes(parsed.value->scheme + "://") +
               " is not one.";
    return {};
}

}  // namespace core
