// core/har: a HAR file read as a stream and made safe to send. Planted
// secrets in every place a HAR hides one are gone in every decoded form;
// what support needs stays; the public fixtures keep their entries; a file
// cut anywhere is refused with the entry and member named.
#include "core/har/har_sanitizer.hpp"
#include "core/har/header_redaction.hpp"
#include "core/har/raw_deflate.hpp"
#include "core/har/secret_marker.hpp"
#include "core/har/token_redaction.hpp"
#include "core/har/url_redaction.hpp"
#include "core/text/ascii_text.hpp"
#include "har_planted.hpp"

#include "test_files.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>


using core::HarSanitizerOptions;
using core::RedactionKind;
using core::sanitize_har;
using nlohmann::json;

namespace {

HarSanitizerOptions options(uint8_t seed = 7, std::vector<std::string> user_texts = {}) {
    HarSanitizerOptions o;
    for (size_t i = 0; i < o.key.bytes.size(); i++) o.key.bytes[i] = static_cast<uint8_t>(seed + i);
    o.user_texts = std::move(user_texts);
    return o;
}

core::Redactor redactor() { return core::Redactor(options().key, {}); }

// The values of every "name"/"value" pair named `name` in a list `list` of the output.
std::vector<std::string> values_named(const json& har, const std::string& list, const std::string& name) {
    std::vector<std::string> out;
    for (const auto& entry : har["log"]["entries"])
        for (const char* side : {"request", "response"})
            if (entry[side].contains(list))
                for (const auto& item : entry[side][list])
                    if (item.value("name", "") == name) out.push_back(item["value"].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("SipHash-2-4 gives the reference vectors, and markers are keyed, stable and recognised") {
    // The paper's key 00 01 .. 0f; message 00 01 .. (n-1).
    core::SecretKey key;
    for (size_t i = 0; i < 16; i++) key.bytes[i] = static_cast<uint8_t>(i);
    CHECK(core::siphash24(key, "") == 0x726fdb47dd0e0e31ULL);
    std::string fifteen;
    for (char i = 0; i < 15; i++) fifteen += i;
    CHECK(core::siphash24(key, fifteen) == 0xa129ca6149be45e5ULL);

    const std::string marker = core::secret_marker(key, "hunter2");
    CHECK(marker.size() == core::secret_marker_size);
    CHECK(marker.starts_with("REDACTED_"));
    CHECK(core::is_secret_marker(marker));
    CHECK(core::secret_marker(key, "hunter2") == marker);
    core::SecretKey other = key;
    other.bytes[0] ^= 1;
    CHECK(core::secret_marker(other, "hunter2") != marker);
    CHECK_FALSE(core::is_secret_marker("REDACTED_short"));
    CHECK_FALSE(core::is_secret_marker("REDACTED_abc+def/ghi"));
}

TEST_CASE("every planted secret is gone from the output in every decoded form, and what support needs stays") {
    const har_planted::Planted planted = har_planted::planted_har();
    const auto result = sanitize_har(planted.text, options(7, planted.user_texts));
    REQUIRE_MESSAGE(result.ok, result.error.path, ": ", result.error.message);
    CHECK(result.entries == 7);
    const json out = json::parse(result.text);   // valid JSON, so a valid HAR to import
    CHECK(out["log"]["entries"].size() == 7);
    CHECK(out["log"]["pages"].size() == 1);
    for (const std::string& secret : planted.secrets) har_planted::expect_gone(result.text, secret);
    for (const std::string& kept : planted.kept) {
        INFO("kept: ", kept);
        CHECK(result.text.find(kept) != std::string::npos);
    }
    // Status codes and timings are the same numbers.
    const json in = json::parse(planted.text);
    for (size_t i = 0; i < 7; i++) {
        CHECK(out["log"]["entries"][i]["response"]["status"] == in["log"]["entries"][i]["response"]["status"]);
        CHECK(out["log"]["entries"][i]["timings"] == in["log"]["entries"][i]["timings"]);
        CHECK(out["log"]["entries"][i]["request"]["method"] == in["log"]["entries"][i]["request"]["method"]);
    }
    // Every kind of redaction was reported.
    for (RedactionKind kind : {RedactionKind::Cookie, RedactionKind::Authorization, RedactionKind::Header, RedactionKind::UrlPassword,
                               RedactionKind::UrlParameter, RedactionKind::FormField, RedactionKind::JsonField, RedactionKind::HtmlField,
                               RedactionKind::JwtSignature, RedactionKind::SamlSignature, RedactionKind::UserText}) {
        INFO("kind: ", core::to_string(kind));
        CHECK(result.report.count(kind) > 0);
    }
    CHECK(result.report.total() == result.report.rows.size());
}

TEST_CASE("a JWT keeps its header and claims; a SAML message keeps its content; one secret gets one marker everywhere") {
    const har_planted::Planted planted = har_planted::planted_har();
    const auto result = sanitize_har(planted.text, options());
    REQUIRE(result.ok);
    const json out = json::parse(result.text);

    // The id_token in the fragment of Location: claims readable, signature a marker.
    const std::string location = values_named(out, "headers", "location").at(0);
    const auto at = location.find("id_token=") + 9;
    const std::string token = location.substr(at, location.find('&', at) - at);
    const auto spans = core::find_jwts(token);
    REQUIRE(spans.size() == 1);
    const auto claims = core::base64url_decode(token.substr(token.find('.') + 1, token.rfind('.') - token.find('.') - 1));
    REQUIRE(claims);
    CHECK(json::parse(*claims)["sub"] == "user-123");
    CHECK(core::is_secret_marker(token.substr(token.rfind('.') + 1)));

    // The state is the same marker in the URL, queryString[], :path and the fragment.
    const std::string state = values_named(out, "queryString", "state").at(0);
    CHECK(core::is_secret_marker(state));
    CHECK(out["log"]["entries"][0]["request"]["url"].get<std::string>().find("state=" + state) != std::string::npos);
    CHECK(values_named(out, "headers", ":path").at(0).find("state=" + state) != std::string::npos);
    CHECK(location.find("state=" + state) != std::string::npos);
    // The form body's code and postData.params[] agree.
    const json& post = out["log"]["entries"][1]["request"]["postData"];
    std::string params_code;
    for (const auto& p : post["params"])
        if (p["name"] == "code") params_code = p["value"];
    CHECK(core::is_secret_marker(params_code));
    CHECK(post["text"].get<std::string>().find("code=" + params_code + "&") != std::string::npos);

    // The redirect binding's SAMLRequest inflates to its XML, issuer kept, signature value a marker.
    std::string saml;
    for (const auto& q : out["log"]["entries"][5]["request"]["queryString"])
        if (q["name"] == "SAMLRequest") saml = q["value"];
    const auto bytes = core::base64_decode(core::url_unescape(saml, false));
    REQUIRE(bytes);
    const auto xml = core::inflate_raw(*bytes, 1 << 20);
    REQUIRE(xml);
    CHECK(xml->find("<saml:Issuer>https://app.example.com/saml</saml:Issuer>") != std::string::npos);
    CHECK(xml->find("<ds:SignatureValue>REDACTED_") != std::string::npos);
    CHECK(xml->find("Destination=\"https://idp.example.com/sso\"") != std::string::npos);
    // The same in the URL.
    CHECK(out["log"]["entries"][5]["request"]["url"].get<std::string>().find(saml) != std::string::npos);
    // The tokens found are reported, without their secrets.
    size_t jwts = 0, samls = 0;
    for (const auto& t : result.report.tokens) (t.kind == core::TokenKind::Jwt ? jwts : samls)++;
    CHECK(jwts == 7);
    CHECK(samls >= 2);
    for (const auto& t : result.report.tokens) CHECK(t.text.find("SigLocationJwt01xyz") == std::string::npos);
}

TEST_CASE("sanitising twice changes nothing more: markers are never redacted again") {
    const har_planted::Planted planted = har_planted::planted_har();
    const auto once = sanitize_har(planted.text, options(7, planted.user_texts));
    REQUIRE(once.ok);
    const auto twice = sanitize_har(once.text, options(99));
    REQUIRE(twice.ok);
    CHECK(twice.text == once.text);
    CHECK(twice.report.total() == 0);
}

TEST_CASE("the public fixtures keep their entries and lose their cookies, passwords, CSRF tokens and API keys") {
    struct Fixture {
        const char* name;
        size_t entries;
        std::vector<std::string> gone;
    };
    const Fixture list[] = {
        {"har/jfromaniello-har-sanitizer_example.har", 3, {}},
        {"har/mitmproxy_chrome.har", 3, {}},
        {"har/mitmproxy_websocket.har", 3, {"VCXCEuvhGcBDP7XhiJJUDvR1e1D3eiVjgZ9VRiaV"}},
        {"har/mitmproxy_with-bom.har", 1, {}},
    };
    for (const Fixture& fixture : list) {
        INFO(fixture.name);
        const std::string text = test_files::read_fixture(fixture.name);
        const auto result = sanitize_har(text, options());
        REQUIRE_MESSAGE(result.ok, result.error.path, ": ", result.error.message);
        CHECK(result.entries == fixture.entries);
        const json in = json::parse(text), out = json::parse(result.text);
        CHECK(out["log"]["entries"].size() == fixture.entries);
        CHECK_FALSE(result.text.starts_with("\xEF\xBB\xBF"));
        // Every cookie value in the input is gone; every cookie name stays.
        for (const auto& entry : in["log"]["entries"])
            for (const char* side : {"request", "response"})
                for (const auto& cookie : entry[side].value("cookies", json::array())) {
                    const std::string value = cookie["value"];
                    if (value.size() >= 4) har_planted::expect_gone(result.text, value);
                    CHECK(result.text.find(cookie["name"].get<std::string>()) != std::string::npos);
                }
        for (const std::string& secret : fixture.gone) har_planted::expect_gone(result.text, secret);
        // URLs keep host and path.
        for (size_t i = 0; i < fixture.entries; i++) {
            const std::string url_in = in["log"]["entries"][i]["request"]["url"], url_out = out["log"]["entries"][i]["request"]["url"];
            CHECK(url_out.substr(0, url_out.find('?')) == url_in.substr(0, url_in.find('?')));
            CHECK(out["log"]["entries"][i]["response"]["status"] == in["log"]["entries"][i]["response"]["status"]);
            CHECK(out["log"]["entries"][i]["time"] == in["log"]["entries"][i]["time"]);
        }
    }
    // The Firefox export of a failed login: password, CSRF token, cookies and Authorization gone; the connection stays.
    const std::string text = test_files::read_fixture("har/jfromaniello-har-sanitizer_example.har");
    const json in = json::parse(text);
    const auto result = sanitize_har(text, options());
    REQUIRE(result.ok);
    const json login = json::parse(in["log"]["entries"][2]["request"]["postData"]["text"].get<std::string>());
    har_planted::expect_gone(result.text, login["password"]);
    har_planted::expect_gone(result.text, login["_csrf"]);
    for (const auto& h : in["log"]["entries"][1]["request"]["headers"])
        if (h["name"] == "Authorization") har_planted::expect_gone(result.text, h["value"].get<std::string>().substr(h["value"].get<std::string>().find(' ') + 1));
    CHECK(result.text.find("Username-Password-Authentication") != std::string::npos);
    CHECK(result.text.find("foobarbax") != std::string::npos);
    // Chrome's 21 Google cookies: all reported.
    const auto chrome = sanitize_har(test_files::read_fixture("har/mitmproxy_chrome.har"), options());
    REQUIRE(chrome.ok);
    CHECK(chrome.report.count(RedactionKind::Cookie) >= 21);
    // A fixture with nothing secret but an image body comes through byte for byte.
    const std::string bom = test_files::read_fixture("har/mitmproxy_with-bom.har");
    const auto bom_result = sanitize_har(bom, options());
    REQUIRE(bom_result.ok);
    CHECK(bom_result.text == bom.substr(3));
}

TEST_CASE("the stream reader gives the same output whatever the chunk sizes") {
    const har_planted::Planted planted = har_planted::planted_har();
    const auto whole = sanitize_har(planted.text, options());
    REQUIRE(whole.ok);
    for (size_t chunk : {1u, 2u, 3u, 7u, 64u, 4096u}) {
        INFO("chunk size ", chunk);
        std::string out;
        core::HarSanitizer sanitizer(options(), [&](std::string_view bytes) { out.append(bytes); });
        bool ok = true;
        for (size_t at = 0; at < planted.text.size() && ok; at += chunk) ok = sanitizer.feed(std::string_view(planted.text).substr(at, chunk));
        REQUIRE(ok);
        REQUIRE(sanitizer.finish());
        CHECK(out == whole.text);
    }
}

TEST_CASE("a file cut off anywhere is refused, naming the entry and member where it stops") {
    const std::string text = test_files::read_fixture("har/jfromaniello-har-sanitizer_example.har");
    const size_t entries_at = text.find("\"entries\"");
    size_t named = 0;
    for (size_t cut = 0; cut < text.size(); cut += 1) {
        const std::string_view part = std::string_view(text).substr(0, cut);
        if (std::string_view(core::trim_spaces(text.substr(cut))).empty()) continue;   // only spaces cut
        const auto result = sanitize_har(part, options());
        INFO("cut at ", cut);
        REQUIRE_FALSE(result.ok);
        CHECK_FALSE(result.error.message.empty());
        CHECK(result.error.offset <= cut);
        if (cut > text.find('[', entries_at) && cut <= text.rfind(']')) {
            const bool names_entry = result.error.path.starts_with("log.entries");
            CHECK_MESSAGE(names_entry, result.error.path, ": ", result.error.message);
            named += names_entry;
        }
    }
    CHECK(named > 1000);
    // One example in words.
    const size_t in_body = text.find("Wrong email");
    const auto result = sanitize_har(std::string_view(text).substr(0, in_body), options());
    CHECK(result.error.path == "log.entries[2].response.content.text");
    CHECK(result.error.message == "The text ends inside this string: it was cut off.");
}

TEST_CASE("files that are not HAR get a message that says what is wrong and where") {
    auto error_of = [](std::string_view text) {
        const auto result = sanitize_har(text, options());
        REQUIRE_FALSE(result.ok);
        return result.error.path + ": " + result.error.message;
    };
    CHECK(error_of("\xFF\xFE{\0\"\0") == ": This file is saved as UTF-16, and a HAR file is UTF-8: save it again from the browser's network panel.");
    CHECK(error_of("") == ": The file is empty: a HAR file is a JSON object with a log member.");
    CHECK(error_of("[1,2]") == ": A HAR file is a JSON object that starts with {; this one starts with “[”.");
    CHECK(error_of("{\"a\":1}") == ": This JSON file has no log member: it is not a HAR file.");
    CHECK(error_of("{\"log\":{\"version\":\"1.2\"}}") == "log: log has no entries list: it is not a HAR file.");
    CHECK(error_of("{\"log\":{\"entries\":{}}}") == "log.entries: log.entries is a list in [ ]; here it starts with “{”.");
    CHECK(error_of("{\"log\":{\"entries\":[{},3]}}") == "log.entries[1]: An entry is an object in { }; this one starts with “3”.");
    CHECK(error_of("{\"log\":{\"entries\":[{\"request\":{\"headers\":[{\"name\":\"a\",}]}}]}}") ==
          "log.entries[0].request.headers[0]: Expected a member name in quotes.");
    CHECK(error_of("{\"log\":{\"entries\":[]}} x") == ": There is more after the end of the HAR file's object.");
    CHECK(error_of("{\"log\":{\"entries\":[]},}") == ": Expected a member name in quotes; found “}”.");
    // Nesting far deeper than any HAR is refused without recursion.
    std::string deep = "{\"log\":{\"entries\":[{\"x\":";
    deep += std::string(20000, '[') + std::string(20000, ']') + "}]}}";
    CHECK(error_of(deep).find("nested more than 10000 deep") != std::string::npos);
    // An escaped member name is the same name: its entries are not missed.
    const auto escaped = sanitize_har("{\"\\u006cog\":{\"entri\\u0065s\":[{\"request\":{\"headers\":[{\"name\":\"Cookie\",\"value\":\"a=SecretCookie1\"}]}}]}}",
                                      options());
    REQUIRE(escaped.ok);
    CHECK(escaped.entries == 1);
    CHECK(escaped.text.find("SecretCookie1") == std::string::npos);
}

TEST_CASE("headers: any letter case, cookie names special to patterns, schemes kept") {
    auto r = redactor();
    auto header = [&](std::string_view name, std::string_view value) { return core::redact_header(r, name, value).value_or(std::string(value)); };
    const std::string cookies = header("cookie", "a.b*c[0]=one; $Version=1; (x)=two;empty=; flag");
    CHECK(cookies.starts_with("a.b*c[0]=REDACTED_"));
    CHECK(cookies.find("; $Version=REDACTED_") != std::string::npos);
    CHECK(cookies.find("; (x)=REDACTED_") != std::string::npos);
    CHECK(cookies.find(";empty=;") != std::string::npos);
    CHECK(cookies.find("one") == std::string::npos);
    CHECK(header("Set-Cookie", "id=abc123; Path=/; Max-Age=3600; HttpOnly").find("; Path=/; Max-Age=3600; HttpOnly") != std::string::npos);
    CHECK(header("AuThOrIzAtIoN", "Basic dXNlcjpwYXNz").starts_with("Basic REDACTED_"));
    CHECK(header("authorization", "NTLM TlRMTVNTUAABAAAA").starts_with("NTLM REDACTED_"));
    CHECK(header("authorization", "opaque-token-without-scheme").starts_with("REDACTED_"));
    CHECK(header("X-XSRF-TOKEN", "abc") .starts_with("REDACTED_"));
    CHECK(header("Auth0-Client", "eyJuYW1lIjoibG9jay5qcyJ9") == "eyJuYW1lIjoibG9jay5qcyJ9");
    CHECK(header("Content-Type", "application/json") == "application/json");
    CHECK(header("Link", "<https://a.example/next?access_token=t1>; rel=\"next\"").find("t1") == std::string::npos);
    CHECK(header("Refresh", "0; url=https://a.example/?code=c1").find("c1") == std::string::npos);
}

TEST_CASE("URLs: userinfo, query, fragment and nested URLs; names decoded and in any case; the rest as written") {
    auto r = redactor();
    auto url = [&](std::string_view u) { return core::redact_url(r, u).value_or(std::string(u)); };
    CHECK(url("https://example.com/a/b?x=1&y=2#top") == "https://example.com/a/b?x=1&y=2#top");
    const std::string with_user = url("https://bob:pa%24%24@example.com/");
    CHECK(with_user.starts_with("https://bob:REDACTED_"));
    CHECK(with_user.ends_with("@example.com/"));
    CHECK(url("https://example.com/?Access_Token=t&%63ode=c&scope=openid").find("scope=openid") != std::string::npos);
    CHECK(url("https://example.com/?Access_Token=t&%63ode=c").find("=t") == std::string::npos);
    CHECK(url("https://example.com/?%63ode=c").find("=c") == std::string::npos);
    CHECK(url("https://example.com/#/callback?code=abc123").find("abc123") == std::string::npos);
    CHECK(url("/path?client_secret=s3").find("s3") == std::string::npos);
    CHECK(url("https://a.example/?return_to=https%3A%2F%2Fb.example%2F%3Ftoken%3Dzz9").find("zz9") == std::string::npos);
    // The same secret, written two ways, is one marker.
    const std::string a = url("https://a.example/?code=a%20b"), b = url("https://a.example/?code=a+b");
    CHECK(a == b);
}
