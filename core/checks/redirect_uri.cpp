#include "core/checks/redirect_uri.hpp"

#include "core/text/ascii_text.hpp"
#include "core/text/utf8_text.hpp"

namespace core {

namespace {


// An absent optional part shows as "none", a present one quoted with its delimiter ("?a=1").
std::string shown_part(const std::optional<std::string>& part, std::string_view delimiter) {
    return part ? in_quotes(std::string(delimiter) + *part) : "none";
}

bool is_loopback_host(std::string_view host) {
    const std::string h = ascii_lowercase(host);
    return h == "localhost" || h == "127.0.0.1" || h == "[::1]";
}

RedirectDifference difference(RedirectDifferenceKind kind, std::string registered, std::string sent,
                              std::string explanation) {
    return {kind, std::move(registered), std::move(sent), std::move(explanation)};
}

void compare_scheme(const UriParts& r, const UriParts& s, std::vector<RedirectDifference>& out) {
    if (r.scheme == s.scheme) return;
    out.push_back(difference(RedirectDifferenceKind::Scheme, r.scheme, s.scheme,
                             "The scheme differs: registered " + in_quotes(r.scheme) + ", sent " + in_quotes(s.scheme) +
                                 ". Use the same one on both sides."));
}

void compare_userinfo(const UriParts& r, const UriParts& s, std::vector<RedirectDifference>& out) {
    if (r.userinfo == s.userinfo) return;
    out.push_back(difference(RedirectDifferenceKind::Userinfo, r.userinfo.value_or(""), s.userinfo.value_or(""),
                             "The user name before the host differs: registered " + shown_part(r.userinfo, "") +
                                 ", sent " + shown_part(s.userinfo, "") + ". Redirect URIs normally have none."));
}

// The host or the path: either the same text in other letter case, or other text.
struct SpelledPart {
    std::string_view name;   // "host"
    RedirectDifferenceKind case_kind, other_kind;
    std::string_view case_advice, other_advice;
};

void compare_spelling(const SpelledPart& part, const std::string& r, const std::string& s,
                      std::vector<RedirectDifference>& out) {
    const std::string both = "registered " + in_quotes(r) + ", sent " + in_quotes(s) + ". ";
    const std::string the = "The " + std::string(part.name) + " differs";
    if (ascii_lowercase(r) == ascii_lowercase(s))
        out.push_back(difference(part.case_kind, r, s, the + " only in letter case: " + both + std::string(part.case_advice)));
    else
        out.push_back(difference(part.other_kind, r, s, the + ": " + both + std::string(part.other_advice)));
}

void compare_host(const UriParts& r, const UriParts& s, std::vector<RedirectDifference>& out) {
    if (r.host == s.host) return;
    compare_spelling({"host", RedirectDifferenceKind::HostCase, RedirectDifferenceKind::Host,
                      "The match is exact, so write it the same way (usually all lowercase).",
                      "The app must send the registered host."},
                     r.host, s.host, out);
}

void compare_port(const UriParts& r, const UriParts& s, std::vector<RedirectDifference>& out) {
    if (r.port == s.port) return;
    const std::string registered = r.port.value_or("");
    const std::string sent = s.port.value_or("");
    const std::optional<int> usual = default_port(s.scheme);
    const std::string& written = r.port ? registered : sent;
    if ((!r.port || !s.port) && usual && written == std::to_string(*usual)) {
        const char* side = s.port ? "The sent URI writes out" : "The registered URI writes out";
        out.push_back(difference(RedirectDifferenceKind::DefaultPort, registered, sent,
                                 std::string(side) + " the default port :" + written + " and the other has none (" +
                                     "registered " + in_quotes(r.host + (r.port ? ":" + registered : "")) + ", sent " +
                                     in_quotes(s.host + (s.port ? ":" + sent : "")) +
                                     "). It is the same server, but the match is exact: drop :" + written +
                                     " or write it on both sides."));
        return;
    }
    const auto shown = [](const std::optional<std::string>& port) { return port ? *port : std::string("none"); };
    out.push_back(difference(RedirectDifferenceKind::Port, registered, sent,
                             "The port differs: registered " + shown(r.port) + ", sent " + shown(s.port) +
                                 ". Use the port the app really listens on in both places."));
}

void compare_path(const UriParts& r, const UriParts& s, std::vector<RedirectDifference>& out) {
    if (r.path == s.path) return;
    if (r.path + "/" == s.path || s.path + "/" == r.path) {
        out.push_back(difference(RedirectDifferenceKind::TrailingSlash, r.path, s.path,
                                 "The path differs only by a trailing slash: registered " + in_quotes(r.path) +
                                     ", sent " + in_quotes(s.path) + ". Add or remove the slash so both are the same."));
        return;
    }
    compare_spelling({"path", RedirectDifferenceKind::PathCase, RedirectDifferenceKind::Path,
                      "Paths are case-sensitive; write it the same way.",
                      "The app must send the registered callback path."},
                     r.path, s.path, out);
}

void compare_query(const UriParts& r, const UriParts& s, std::vector<RedirectDifference>& out) {
    if (r.query == s.query) return;
    out.push_back(difference(RedirectDifferenceKind::Query, r.query.value_or(""), s.query.value_or(""),
                             "The query differs: registered " + shown_part(r.query, "?") + ", sent " +
                                 shown_part(s.query, "?") +
                                 ". Pass changing values in the state parameter instead of the redirect URI."));
}

void compare_fragment(const UriParts& r, const UriParts& s, std::vector<RedirectDifference>& out) {
    if (r.fragment == s.fragment) return;
    out.push_back(difference(RedirectDifferenceKind::Fragment, r.fragment.value_or(""), s.fragment.value_or(""),
                             "The fragment differs: registered " + shown_part(r.fragment, "#") + ", sent " +
                                 shown_part(s.fragment, "#") + ". Redirect URIs have no fragment; remove it."));
}

std::vector<RedirectDifference> differences_between(const UriParts& registered, const UriParts& sent) {
    std::vector<RedirectDifference> out;
    compare_scheme(registered, sent, out);
    compare_userinfo(registered, sent, out);
    compare_host(registered, sent, out);
    compare_port(registered, sent, out);
    compare_path(registered, sent, out);
    compare_query(registered, sent, out);
    compare_fragment(registered, sent, out);
    return out;
}

// How far apart two URIs are: another host or path weighs more than a
// written-out port, so the closest is the one the user most likely meant.
int distance(const std::vector<RedirectDifference>& differences) {
    int total = 0;
    for (const RedirectDifference& d : differences) {
        switch (d.kind) {
            case RedirectDifferenceKind::Host: total += 4; break;
            case RedirectDifferenceKind::Path: total += 3; break;
            case RedirectDifferenceKind::Scheme: total += 2; break;
            default: total += 1; break;
        }
    }
    return total;
}

}  // namespace

std::string_view describe(RedirectDifferenceKind kind) {
    switch (kind) {
        case RedirectDifferenceKind::Scheme: return "scheme";
        case RedirectDifferenceKind::Userinfo: return "user name";
        case RedirectDifferenceKind::Host: return "host";
        case RedirectDifferenceKind::HostCase: return "host letter case";
        case RedirectDifferenceKind::Port: return "port";
        case RedirectDifferenceKind::DefaultPort: return "written-out default port";
        case RedirectDifferenceKind::Path: return "path";
        case RedirectDifferenceKind::PathCase: return "path letter case";
        case RedirectDifferenceKind::TrailingSlash: return "trailing slash";
        case RedirectDifferenceKind::Query: return "query";
        case RedirectDifferenceKind::Fragment: return "fragment";
    }
    return "part";
}

std::vector<std::string> redirect_uri_problems(std::string_view uri) {
    Parsed<UriParts> parsed = parse_uri(uri);
    if (!parsed) return {parsed.error};
    const UriParts& parts = *parsed.value;
    std::vector<std::string> problems;
    const std::string scheme = ascii_lowercase(parts.scheme);
    if (scheme == "http" && !is_loopback_host(parts.host))
        problems.push_back("A redirect URI must use https; only localhost, 127.0.0.1 and [::1] may use http. Send " +
                           in_quotes("https" + std::string(uri.substr(parts.scheme.size()))) + " instead.");
    else if (scheme != "http" && scheme != "https")
        problems.push_back("A redirect URI must use https (or http for localhost); " + in_quotes(parts.scheme + "://") +
                           " is not allowed.");
    if (parts.fragment)
        problems.push_back("A redirect URI cannot have a fragment; remove " + in_quotes("#" + *parts.fragment) + ".");
    if (uri.find('*') != std::string_view::npos)
        problems.push_back("A redirect URI cannot contain a wildcard (*); the app must send one exact URI that is "
                           "registered as it is.");
    return problems;
}

RedirectComparison compare_redirect_uri(const std::vector<std::string>& registered, std::string_view sent) {
    RedirectComparison result;
    result.problems = redirect_uri_problems(sent);
    for (size_t i = 0; i < registered.size(); ++i) {
        if (registered[i] == sent) {
            result.matches = true;
            result.closest = i;
            return result;
        }
    }
    Parsed<UriParts> sent_parts = parse_uri(sent);
    if (!sent_parts) return result;
    int best = 0;
    for (size_t i = 0; i < registered.size(); ++i) {
        Parsed<UriParts> candidate = parse_uri(registered[i]);
        if (!candidate) continue;
        std::vector<RedirectDifference> differences = differences_between(*candidate.value, *sent_parts.value);
        const int d = distance(differences);
        if (!result.closest || d < best) {
            best = d;
            result.closest = i;
            result.differences = std::move(differences);
        }
    }
    return result;
}

std::string redirect_mismatch_summary(const RedirectComparison& comparison, const std::vector<std::string>& registered,
                                      std::string_view sent) {
    if (comparison.matches) return {};
    if (!comparison.closest || *comparison.closest >= registered.size())
        return in_quotes(sent) + " is not among the registered redirect URIs; register it exactly as the app sends it.";
    std::string kinds;
    for (size_t i = 0; i < comparison.differences.size(); ++i) {
        if (i > 0) kinds += i + 1 == comparison.differences.size() ? " and " : ", ";
        kinds += describe(comparison.differences[i].kind);
    }
    return in_quotes(sent) + " matches no registered redirect URI exactly; the closest, " +
           in_quotes(registered[*comparison.closest]) + ", differs in " + kinds +
           ". Change the app or register the exact URI.";
}

std::vector<std::string> split_url_lines(std::string_view text) {
    std::vector<std::string> lines;
    while (!text.empty()) {
        const size_t end = text.find('\n');
        std::string_view line = trim_spaces(text.substr(0, end));
        if (!line.empty()) lines.emplace_back(line);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

}  // namespace core
