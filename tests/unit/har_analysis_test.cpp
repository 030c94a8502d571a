// core/har/har_analysis: where a sign-in in a HAR file stopped, from its
// sanitised entries, and what the ticket should carry.
#include "core/har/har_analysis.hpp"
#include "core/har/har_sanitizer.hpp"
#include "har_planted.hpp"

#include "test_files.hpp"

#include <doctest/doctest.h>


namespace {

struct Analysed {
    core::HarAnalysis analysis;
    core::RedactionReport report;
};

Analysed analyse(std::string_view text, std::string tenant_issuer = "https://{tenant}.example.com/") {
    core::HarAnalyzer analyzer(std::move(tenant_issuer));
    core::HarSanitizer sanitizer({core::SecretKey{}, {}}, [](std::string_view) {});
    sanitizer.observe_entries([&](size_t index, std::string_view entry, const core::JsonTape& tape) { analyzer.add_entry(index, entry, tape); });
    REQUIRE(sanitizer.feed(text));
    REQUIRE(sanitizer.finish());
    return {analyzer.finish(sanitizer.report()), sanitizer.report()};
}

std::string identifier(const core::HarAnalysis& analysis, std::string_view field) {
    for (const auto& s : analysis.identifiers)
        if (s.field == field) return s.value;
    return "(none)";
}

}  // namespace

TEST_CASE("a failed password login: stopped at the 401, with its words, the client, tenant and time for the ticket") {
    const auto [analysis, report] = analyse(test_files::read_fixture("har/jfromaniello-har-sanitizer_example.har"));
    CHECK(analysis.entries == 3);
    CHECK(analysis.verdict ==
          "The flow stopped at entry 2, POST https://auth.company.com/login (login): 401 Unauthorized, "
          "\"invalid_user_password: Wrong email or password.\".");
    REQUIRE(analysis.failures.size() == 1);
    CHECK(analysis.failures[0].index == 2);
    CHECK(identifier(analysis, "application") == "foobarbax");
    CHECK(identifier(analysis, "tenant") == "foobar");
    CHECK(identifier(analysis, "redirect_uri") == "https://www.company.com/oauth/auth0/callback");
    CHECK(identifier(analysis, "occurred_at") == "2023-11-01T11:50:22.249-03:00");
    CHECK(identifier(analysis, "error_message") == "invalid_user_password: Wrong email or password.");
    // The text and JSON forms show the same, and nothing secret.
    const std::string text = core::analysis_text(analysis, report);
    CHECK(text.starts_with(analysis.verdict));
    CHECK(text.find("pass1234") == std::string::npos);
    const auto json = nlohmann::json::parse(core::analysis_json(analysis, report));
    CHECK(json["verdict"] == analysis.verdict);
    CHECK(json["failures"][0]["status"] == 401);
    CHECK(json["redactions"]["cookie"].get<int>() > 0);
}

TEST_CASE("a request with no answer: Chrome's _error is the reason") {
    const auto [analysis, report] = analyse(test_files::read_fixture("har/mitmproxy_chrome.har"));
    CHECK(analysis.verdict == "The flow stopped at entry 1, GET https://www.google.com/: no answer (net::ERR_INTERNET_DISCONNECTED).");
    CHECK(analysis.sign_in.empty());
    CHECK(identifier(analysis, "occurred_at") == "2023-07-13T12:32:32.676Z");
}

TEST_CASE("the planted sign-in: its steps in order, the redirect shown without its tokens, the request ID suggested") {
    const har_planted::Planted planted = har_planted::planted_har();
    const auto [analysis, report] = analyse(planted.text);
    std::vector<std::string> steps;
    for (const auto& r : analysis.sign_in) steps.push_back(r.step);
    CHECK(steps == std::vector<std::string>{"authorize", "token", "login", "login", "saml"});
    REQUIRE(analysis.redirects.size() == 1);
    CHECK(analysis.redirects[0].location.starts_with("https://app.example.com/cb#access_token=REDACTED_"));
    CHECK(identifier(analysis, "correlation_id") == "req-7f3a");
    CHECK(identifier(analysis, "application") == "app1");
    CHECK(identifier(analysis, "tenant") == "login");
    CHECK(analysis.verdict.starts_with("The flow stopped at entry 3, POST https://login.example.com/usernamepassword/login (login): 401"));
    CHECK(analysis.verdict.find("invalid_grant: Wrong email or password.") != std::string::npos);
    const std::string text = core::analysis_text(analysis, report);
    for (const std::string& secret : planted.secrets) {
        if (secret == "ACME-INTERNAL-43") continue;   // a user's text, not added here
        INFO(secret);
        CHECK(text.find(secret) == std::string::npos);
    }
}

TEST_CASE("sign-in steps by URL") {
    CHECK(core::sign_in_step("GET", "https://t.example.com/authorize?client_id=a") == "authorize");
    CHECK(core::sign_in_step("POST", "https://t.example.com/oauth/token") == "token");
    CHECK(core::sign_in_step("GET", "https://t.example.com/u/login?state=x") == "login");
    CHECK(core::sign_in_step("GET", "https://t.example.com/login/callback?code=x") == "callback");
    CHECK(core::sign_in_step("GET", "https://t.example.com/userinfo") == "userinfo");
    CHECK(core::sign_in_step("GET", "https://idp.example.com/sso?SAMLRequest=abc") == "saml");
    CHECK(core::sign_in_step("POST", "https://t.example.com/samlp/abc") == "saml");
    CHECK(core::sign_in_step("GET", "https://t.example.com/wsfed/abc?wa=wsignin1.0") == "ws-fed");
    CHECK(core::sign_in_step("GET", "https://t.example.com/.well-known/openid-configuration") == "discovery");
    CHECK(core::sign_in_step("GET", "https://t.example.com/v2/logout") == "logout");
    CHECK(core::sign_in_step("POST", "https://app.example.com/saml/acs") == "saml");
    CHECK(core::sign_in_step("GET", "https://cdn.example.com/app.js") == "");
}
