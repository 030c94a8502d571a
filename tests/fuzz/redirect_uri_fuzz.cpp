// Redirect URIs compared part by part, URLs split into their parts and text
// escaped into URLs. Input: the URI an app sends, then NUL and the registered
// URIs one per line. The parts of a URI put together give the URI again, a
// URI that matches none differs from the closest in some named part, and an
// escaped text holds only unreserved characters and %XX.
#include "fuzz_input.hpp"

#include "core/checks/redirect_uri.hpp"
#include "core/text/url_text.hpp"

namespace {

std::string joined(const core::UriParts& uri) {
    std::string text = uri.scheme + "://";
    if (uri.userinfo) text += *uri.userinfo + "@";
    text += uri.host;
    if (uri.port) text += ":" + *uri.port;
    text += uri.path;
    if (uri.query) text += "?" + *uri.query;
    if (uri.fragment) text += "#" + *uri.fragment;
    return text;
}

void check_parts(std::string_view text) {
    const core::Parsed<core::UriParts> parsed = core::parse_uri(text);
    fuzz::expect(parsed.value.has_value() == parsed.error.empty());
    if (parsed) fuzz::expect(joined(*parsed.value) == text);
    const std::string problem = core::http_url_problem(text);
    fuzz::expect(problem.empty() || !parsed || !core::default_port(parsed.value->scheme));
}

void check_escape(std::string_view text) {
    const std::string escaped = core::url_escape(text);
    std::string unescaped;
    for (size_t at = 0; at < escaped.size(); ++at) {
        if (escaped[at] != '%') {
            fuzz::expect(std::isalnum(static_cast<unsigned char>(escaped[at])) ||
                         std::string_view("-_.~").find(escaped[at]) != std::string_view::npos);
            unescaped += escaped[at];
            continue;
        }
        fuzz::expect(at + 2 < escaped.size());
        unescaped += char(std::stoi(escaped.substr(at + 1, 2), nullptr, 16));
        at += 2;
    }
    fuzz::expect(unescaped == text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::vector<std::string_view> parts = fuzz::parts_of(fuzz::text_of(data, size));
    const std::string_view sent = parts[0];
    const std::vector<std::string> registered = core::split_url_lines(parts.size() > 1 ? parts[1] : "");
    check_parts(sent);
    check_escape(sent);
    for (const std::string& uri : registered) check_parts(uri);

    for (const std::string& problem : core::redirect_uri_problems(sent)) fuzz::expect(!problem.empty());
    const core::RedirectComparison comparison = core::compare_redirect_uri(registered, sent);
    fuzz::expect(!comparison.closest || *comparison.closest < registered.size());
    if (comparison.matches) fuzz::expect(registered[*comparison.closest] == sent);
    else if (comparison.closest) fuzz::expect(!comparison.differences.empty());
    const std::string summary = core::redirect_mismatch_summary(comparison, registered, sent);
    fuzz::expect(summary.empty() == comparison.matches);
    return 0;
}
