// Redirect URIs: split into parts as written, checked on their own (https,
// fragment, wildcard) and compared byte for byte with the registered ones,
// with each kind of difference named and explained.
#include "core/checks/redirect_uri.hpp"

#include <doctest/doctest.h>

using namespace core;

namespace {

std::vector<RedirectDifferenceKind> kinds_of(const RedirectComparison& c) {
    std::vector<RedirectDifferenceKind> kinds;
    for (const RedirectDifference& d : c.differences) kinds.push_back(d.kind);
    return kinds;
}

}  // namespace

TEST_CASE("a URI is split into its parts exactly as written") {
    Parsed<UriParts> r = parse_uri("HTTPS://user@App.Example.com:0443/Call/back/?a=1&b#frag");
    REQUIRE(r);
    CHECK(r.value->scheme == "HTTPS");
    CHECK(r.value->userinfo == "user");
    CHECK(r.value->host == "App.Example.com");
    CHECK(r.value->port == "0443");
    CHECK(r.value->path == "/Call/back/");
    CHECK(r.value->query == "a=1&b");
    CHECK(r.value->fragment == "frag");

    Parsed<UriParts> bare = parse_uri("https://app.example.com");
    REQUIRE(bare);
    CHECK(bare.value->port == std::nullopt);
    CHECK(bare.value->path == "");
    CHECK(bare.value->query == std::nullopt);
    CHECK(parse_uri("https://app.example.com/cb?")->query == "");   // a bare "?" is there

    Parsed<UriParts> v6 = parse_uri("http://[::1]:3000/callback");
    REQUIRE(v6);
    CHECK(v6.value->host == "[::1]");
    CHECK(v6.value->port == "3000");
}

TEST_CASE("a URL that cannot be read says what to fix") {
    CHECK(parse_uri("app.example.com/callback").error ==
          "The URL needs its scheme in front; write https://app.example.com/callback (or http:// for localhost).");
    CHECK(parse_uri("localhost:3000/callback").error ==
          "The URL needs its scheme in front; write https://localhost:3000/callback (or http:// for localhost).");
    CHECK(parse_uri("https:/app.example.com").error ==
          "Write two slashes after \"https:\", like https://app.example.com/callback.");
    CHECK(parse_uri("https://app.example.com/my callback").error ==
          "A URL has no spaces; remove them, or write a space that belongs in it as %20.");
    CHECK(parse_uri("https:///callback").error ==
          "The URL has no host after \"https://\"; add one, like https://app.example.com/callback.");
    CHECK(parse_uri("https://app.example.com:44x3/cb").error ==
          "The port after the host is a number from 1 to 65535; \"44x3\" is not. Remove the \":\" if there is no port.");
    CHECK(parse_uri("https://app.example.com:70000/").error.find("\"70000\" is not") != std::string::npos);
    CHECK(parse_uri("https:\\\\app.example.com").error.find("backslashes") != std::string::npos);
    CHECK(parse_uri("https://[::1/cb").error.find("closing \"]\"") != std::string::npos);
    CHECK(parse_uri("").error == "Enter a URL, like https://app.example.com/callback.");
}

TEST_CASE("a URL field takes http and https only") {
    CHECK(http_url_problem("https://app.example.com/callback") == "");
    CHECK(http_url_problem("http://localhost:3000") == "");
    CHECK(http_url_problem("ftp://files.example.com/x") ==
          "Enter a web address starting with https:// or http://; \"ftp://\" is not one.");
}

TEST_CASE("an exact match matches, and nothing else does") {
    RedirectComparison c = compare_redirect_uri({"https://other.example.com/cb", "https://app.example.com/callback"},
                                                "https://app.example.com/callback");
    CHECK(c.matches);
    CHECK(c.closest == 1u);
    CHECK(c.differences.empty());
    CHECK(c.problems.empty());
    CHECK(redirect_mismatch_summary(c, {}, "x") == "");
}

TEST_CASE("each kind of difference is named, with both values") {
    using K = RedirectDifferenceKind;
    struct Case {
        const char* registered;
        const char* sent;
        K kind;
        const char* explanation;   // the whole text, or its start when it ends in "..."
    };
    const Case cases[] = {
        {"https://localhost:3000/cb", "http://localhost:3000/cb", K::Scheme,
         "The scheme differs: registered \"https\", sent \"http\". Use the same one on both sides."},
        {"https://app.example.com/cb", "https://login.example.com/cb", K::Host,
         "The host differs: registered \"app.example.com\", sent \"login.example.com\". The app must send the "
         "registered host."},
        {"https://app.example.com/cb", "https://App.Example.com/cb", K::HostCase,
         "The host differs only in letter case: registered \"app.example.com\", sent \"App.Example.com\". The match "
         "is exact, so write it the same way (usually all lowercase)."},
        {"https://app.example.com/cb", "https://app.example.com:443/cb", K::DefaultPort,
         "The sent URI writes out the default port :443 and the other has none (registered \"app.example.com\", sent "
         "\"app.example.com:443\"). It is the same server, but the match is exact: drop :443 or write it on both "
         "sides."},
        {"http://localhost:80/cb", "http://localhost/cb", K::DefaultPort,
         "The registered URI writes out the default port :80..."},
        {"http://localhost:3000/cb", "http://localhost:3001/cb", K::Port,
         "The port differs: registered 3000, sent 3001. Use the port the app really listens on in both places."},
        {"https://app.example.com/cb", "https://app.example.com:8443/cb", K::Port,
         "The port differs: registered none, sent 8443...."},
        {"https://app.example.com/callback", "https://app.example.com/auth/callback", K::Path,
         "The path differs: registered \"/callback\", sent \"/auth/callback\". The app must send the registered "
         "callback path."},
        {"https://app.example.com/callback", "https://app.example.com/callback/", K::TrailingSlash,
         "The path differs only by a trailing slash: registered \"/callback\", sent \"/callback/\". Add or remove "
         "the slash so both are the same."},
        {"https://app.example.com", "https://app.example.com/", K::TrailingSlash, "The path differs only by..."},
        {"https://app.example.com/Callback", "https://app.example.com/callback", K::PathCase,
         "The path differs only in letter case: registered \"/Callback\", sent \"/callback\". Paths are "
         "case-sensitive; write it the same way."},
        {"https://app.example.com/cb", "https://app.example.com/cb?lang=de", K::Query,
         "The query differs: registered none, sent \"?lang=de\". Pass changing values in the state parameter instead "
         "of the redirect URI."},
        {"https://app.example.com/cb#a", "https://app.example.com/cb#b", K::Fragment,
         "The fragment differs: registered \"#a\", sent \"#b\"...."},
        {"https://ops@app.example.com/cb", "https://app.example.com/cb", K::Userinfo,
         "The user name before the host differs: registered \"ops\", sent none..."},
    };
    for (const Case& c : cases) {
        CAPTURE(c.sent);
        RedirectComparison comparison = compare_redirect_uri({c.registered}, c.sent);
        CHECK_FALSE(comparison.matches);
        REQUIRE(comparison.differences.size() == 1);
        const RedirectDifference& d = comparison.differences[0];
        CHECK(d.kind == c.kind);
        const std::string_view expected = c.explanation;
        if (expected.ends_with("..."))
            CHECK(d.explanation.starts_with(expected.substr(0, expected.size() - 3)));
        else
            CHECK(d.explanation == expected);
    }
}

TEST_CASE("a difference carries both components as written") {
    RedirectComparison c = compare_redirect_uri({"https://app.example.com/cb"}, "https://app.example.com:443/cb");
    REQUIRE(c.differences.size() == 1);
    CHECK(c.differences[0].registered == "");
    CHECK(c.differences[0].sent == "443");
    c = compare_redirect_uri({"https://app.example.com/cb"}, "https://login.example.com/cb");
    CHECK(c.differences[0].registered == "app.example.com");
    CHECK(c.differences[0].sent == "login.example.com");
}

TEST_CASE("several differences are listed in URI order against the closest registered URI") {
    const std::vector<std::string> registered = {"https://other.example.org/x", "https://app.example.com/callback",
                                                 "not a url"};
    RedirectComparison c = compare_redirect_uri(registered, "http://App.example.com:443/callback/");
    CHECK_FALSE(c.matches);
    CHECK(c.closest == 1u);
    CHECK(kinds_of(c) == std::vector<RedirectDifferenceKind>{RedirectDifferenceKind::Scheme,
                                                             RedirectDifferenceKind::HostCase,
                                                             RedirectDifferenceKind::Port,
                                                             RedirectDifferenceKind::TrailingSlash});
    // :443 is not the default port of http, so it is a port difference here.
    CHECK(redirect_mismatch_summary(c, registered, "http://App.example.com:443/callback/") ==
          "\"http://App.example.com:443/callback/\" matches no registered redirect URI exactly; the closest, "
          "\"https://app.example.com/callback\", differs in scheme, host letter case, port and trailing slash. Change "
          "the app or register the exact URI.");
}

TEST_CASE("with nothing readable registered there is no closest") {
    RedirectComparison c = compare_redirect_uri({"app.example.com/cb"}, "https://app.example.com/cb");
    CHECK_FALSE(c.matches);
    CHECK(c.closest == std::nullopt);
    CHECK(redirect_mismatch_summary(c, {"app.example.com/cb"}, "https://app.example.com/cb") ==
          "\"https://app.example.com/cb\" is not among the registered redirect URIs; register it exactly as the app "
          "sends it.");
}

TEST_CASE("a redirect URI uses https, except on the developer's own machine") {
    CHECK(redirect_uri_problems("http://app.example.com/callback") ==
          std::vector<std::string>{"A redirect URI must use https; only localhost, 127.0.0.1 and [::1] may use http. "
                                   "Send \"https://app.example.com/callback\" instead."});
    for (std::string_view local : {"http://localhost:3000/callback", "http://127.0.0.1/cb", "http://[::1]:8080/cb",
                                   "http://LOCALHOST/cb"}) {
        CAPTURE(local);
        CHECK(redirect_uri_problems(local).empty());
    }
    CHECK(redirect_uri_problems("myapp://callback") ==
          std::vector<std::string>{"A redirect URI must use https (or http for localhost); \"myapp://\" is not allowed."});
    // The problems travel with a comparison too, even an exact match.
    CHECK(compare_redirect_uri({"http://app.example.com/cb"}, "http://app.example.com/cb").problems.size() == 1);
}

TEST_CASE("a redirect URI has no fragment and no wildcard") {
    CHECK(redirect_uri_problems("https://app.example.com/cb#done") ==
          std::vector<std::string>{"A redirect URI cannot have a fragment; remove \"#done\"."});
    CHECK(redirect_uri_problems("https://*.example.com/cb") ==
          std::vector<std::string>{"A redirect URI cannot contain a wildcard (*); the app must send one exact URI that "
                                   "is registered as it is."});
    CHECK(redirect_uri_problems("app.example.com") ==
          std::vector<std::string>{
              "The URL needs its scheme in front; write https://app.example.com (or http:// for localhost)."});
}

TEST_CASE("registered URIs are read one per line") {
    CHECK(split_url_lines("  https://a.example.com/cb \r\n\n\thttp://localhost:3000/cb\n") ==
          std::vector<std::string>{"https://a.example.com/cb", "http://localhost:3000/cb"});
    CHECK(split_url_lines("").empty());
}
