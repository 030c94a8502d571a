// JWTs decoded where they are pasted: the RFC test vectors
// (tests/unit/data/jwt_vectors.json, a copy of the shared fixture) and
// hand-made tokens for each finding.
#include "core/text/base64url.hpp"
#include "core/time/zone_catalog.hpp"
#include "core/checks/jwt_inspection.hpp"
#include "test_files.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace core;
using nlohmann::json;

namespace {

// 2024-05-14T12:00:00Z
const Instant now{std::chrono::seconds{1715688000}};

json vectors() { return json::parse(test_files::read("tests/unit/data/jwt_vectors.json")); }

std::string token_of(const std::string& name) { return vectors()[name]["token"].get<std::string>(); }

std::string make_token(const json& header, const json& claims, std::string_view signature = "c2lnbmF0dXJl") {
    return base64url_encode(header.dump()) + "." + base64url_encode(claims.dump()) + "." + std::string(signature);
}

JwtInspection inspect(std::string_view token, std::string issuer = "") {
    return inspect_jwt(token, {now, nullptr, std::move(issuer)});
}

std::vector<std::string> messages(const JwtInspection& inspection, JwtFindingLevel level) {
    std::vector<std::string> out;
    for (const JwtFinding& f : inspection.findings)
        if (f.level == level) out.push_back(f.message);
    return out;
}

bool has_finding(const JwtInspection& inspection, JwtFindingLevel level, std::string_view part) {
    for (const JwtFinding& f : inspection.findings)
        if (f.level == level && f.message.find(part) != std::string::npos) return true;
    return false;
}

std::string line(const JwtInspection& inspection, std::string_view name) {
    for (const JwtClaimLine& l : inspection.claim_lines)
        if (l.name == name) return l.value;
    return "(no line)";
}

const json good_header = {{"alg", "RS256"}, {"typ", "JWT"}, {"kid", "2024-05-key"}};

json good_claims() {
    return {{"iss", "https://acme-prod.example.com/"}, {"sub", "auth|42"}, {"aud", "app_3f9c2a71d4e84b0c"},
            {"iat", 1715687700}, {"exp", 1715691300}};
}

}  // namespace

TEST_CASE("the RFC 7515 HS256 example decodes to its header and claims") {
    const json v = vectors()["rfc7515_A1_HS256"];
    JwtInspection r = inspect(v["token"].get<std::string>());
    REQUIRE(r.decoded);
    CHECK(json::parse(r.header_json) == json::parse(v["header_json"].get<std::string>()));
    CHECK(json::parse(r.claims_json) == json::parse(v["payload_json"].get<std::string>()));
    CHECK(r.header_json == "{\n  \"typ\": \"JWT\",\n  \"alg\": \"HS256\"\n}");   // token order, pretty-printed
    REQUIRE(r.claim_lines.size() == 3);
    CHECK(r.claim_lines[0] == JwtClaimLine{"iss", "joe"});
    CHECK(r.claim_lines[1] == JwtClaimLine{"exp", "Tue 22 Mar 2011, 18:43 UTC (13 years ago)"});
    CHECK(r.claim_lines[2] == JwtClaimLine{"http://example.com/is_root", "true"});
    CHECK(has_finding(r, JwtFindingLevel::Warning, "alg is \"HS256\": signed with a shared secret"));
    CHECK(has_finding(r, JwtFindingLevel::Warning, "has no kid"));
    CHECK(messages(r, JwtFindingLevel::Problem) ==
          std::vector<std::string>{"The token expired 13 years ago (exp Tue 22 Mar 2011, 18:43 UTC). Sign in again or "
                                   "refresh it to get a new token."});
}

TEST_CASE("the RFC 7515 RS256 example has no kid but the expected algorithm") {
    JwtInspection r = inspect(token_of("rfc7515_A2_RS256"));
    REQUIRE(r.decoded);
    CHECK_FALSE(has_finding(r, JwtFindingLevel::Warning, "alg is"));
    CHECK(has_finding(r, JwtFindingLevel::Warning,
                      "The header has no kid (key ID), so a validator cannot pick the signing key from the JWKS."));
}

TEST_CASE("the RFC 7515 ES256 example is noted as another algorithm") {
    JwtInspection r = inspect(token_of("rfc7515_A3_ES256"));
    REQUIRE(r.decoded);
    CHECK(messages(r, JwtFindingLevel::Note).front() ==
          "alg is \"ES256\"; the platform signs with RS256, so this token may come from another issuer.");
}

TEST_CASE("the RFC 7519 unsecured token is flagged as unsigned") {
    JwtInspection r = inspect(token_of("rfc7519_6_1_unsecured_alg_none"));
    REQUIRE(r.decoded);
    CHECK(has_finding(r, JwtFindingLevel::Problem,
                      "alg is \"none\": the token is unsigned, so anyone could have made it."));
    CHECK_FALSE(has_finding(r, JwtFindingLevel::Warning, "kid"));   // no key to select
}

TEST_CASE("a well-formed platform token has no findings") {
    JwtInspection r = inspect(make_token(good_header, good_claims()), "https://acme-prod.example.com/");
    REQUIRE(r.decoded);
    CHECK(r.findings.empty());
    CHECK(line(r, "iat") == "Tue 14 May 2024, 11:55 UTC (5 minutes ago)");
    CHECK(line(r, "exp") == "Tue 14 May 2024, 12:55 UTC (in 55 minutes)");
    CHECK(line(r, "sub") == "auth|42");
}

TEST_CASE("times in claim lines and findings are shown in the user's zone") {
    json claims = good_claims();
    claims["exp"] = 1715680800;   // 10:00 UTC
    JwtInspection r = inspect_jwt(make_token(good_header, claims), {now, core::locate_zone("Europe/Berlin"), ""});
    CHECK(line(r, "exp") == "Tue 14 May 2024, 12:00 CEST (2 hours ago)");
    CHECK(has_finding(r, JwtFindingLevel::Problem, "The token expired 2 hours ago (exp Tue 14 May 2024, 12:00 CEST)"));
}

TEST_CASE("iat and nbf in the future point at clock skew") {
    json claims = good_claims();
    claims["iat"] = 1715688000 + 600;
    claims["nbf"] = 1715688000 + 600;
    JwtInspection r = inspect(make_token(good_header, claims));
    CHECK(messages(r, JwtFindingLevel::Warning) ==
          std::vector<std::string>{
              "The token was issued 10 minutes in the future (iat Tue 14 May 2024, 12:10 UTC): the clock of this "
              "computer or of the server that made it is off. Make sure both set their clocks by NTP.",
              "The token is not valid until Tue 14 May 2024, 12:10 UTC (nbf, in 10 minutes). If it was just issued, a "
              "clock is off; make sure both machines set their clocks by NTP."});
    claims["iat"] = 1715688000 + 30;   // within the skew every validator tolerates
    claims.erase("nbf");
    CHECK(inspect(make_token(good_header, claims)).findings.empty());
}

TEST_CASE("an issuer other than the tenant's is a problem") {
    json claims = good_claims();
    claims["iss"] = "https://globex-dev.example.com/";
    CHECK(messages(inspect(make_token(good_header, claims), "https://acme-prod.example.com/"),
                   JwtFindingLevel::Problem) ==
          std::vector<std::string>{"iss is \"https://globex-dev.example.com/\", but tokens of this tenant are issued by "
                                   "\"https://acme-prod.example.com/\". Check that the app signs in against the right "
                                   "tenant and domain."});
    claims["iss"] = "https://acme-prod.example.com";
    CHECK(has_finding(inspect(make_token(good_header, claims), "https://acme-prod.example.com/"),
                      JwtFindingLevel::Problem, "they differ in the trailing slash"));
    claims.erase("iss");
    CHECK(has_finding(inspect(make_token(good_header, claims), "https://acme-prod.example.com/"),
                      JwtFindingLevel::Problem, "The token has no iss"));
    CHECK(inspect(make_token(good_header, claims)).findings.empty());   // no tenant known: not checked
}

TEST_CASE("odd claims are reported, not fatal") {
    json claims = good_claims();
    claims["exp"] = "tomorrow";
    JwtInspection r = inspect(make_token(good_header, claims));
    REQUIRE(r.decoded);
    CHECK(has_finding(r, JwtFindingLevel::Problem, "exp is not a time in seconds since 1970"));
    CHECK(line(r, "exp") == "tomorrow");
    claims.erase("exp");
    CHECK(has_finding(inspect(make_token(good_header, claims)), JwtFindingLevel::Note, "has no exp"));
    CHECK(has_finding(inspect(make_token(good_header, good_claims(), "")), JwtFindingLevel::Problem,
                      "The signature (third part) is empty although alg is \"RS256\""));
    CHECK(has_finding(inspect(make_token(good_header, good_claims(), "a+b/")), JwtFindingLevel::Problem,
                      "The signature (third part) is not base64url"));
}

TEST_CASE("what is not a JWT says so") {
    CHECK(inspect("").error == "Paste a token: three parts separated by dots, starting with eyJ.");
    CHECK(inspect("abc.def").error ==
          "A JWT has three parts separated by dots (header.claims.signature); this has 2. Copy the whole token.");
    CHECK(inspect("a.b.c.d.e").error.starts_with("This is an encrypted token (JWE, five parts)"));
    CHECK(inspect("e*J.e30.c2ln").error ==
          "The header (first part) is not base64url text; copy the token again, exactly as issued.");
    CHECK(inspect(base64url_encode("[1]") + ".e30.c2ln").error ==
          "The header (first part) does not decode to a JSON object, so this is not a JWT; copy the whole token.");
    CHECK(inspect("e30." + base64url_encode("not json") + ".c2ln").error.starts_with("The claims (second part)"));
}

TEST_CASE("a pasted Authorization header and padding are tolerated") {
    const std::string token = make_token(good_header, good_claims());
    CHECK(inspect("  Bearer " + token + "\n").decoded);
    const std::string header = base64url_encode(good_header.dump());
    CHECK(inspect(header + "==." + base64url_encode(good_claims().dump()) + ".c2ln").decoded);
}

TEST_CASE("the tenant's issuer comes from the program's pattern") {
    CHECK(tenant_issuer(default_program(), "acme-prod") == "https://acme-prod.example.com/");
    Program without = default_program();
    without.tenant_issuer.clear();
    CHECK(tenant_issuer(without, "acme-prod") == "");
}

TEST_CASE("a token whose header nests 100,000 deep is refused, not printed into a stack overflow") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const std::string token = base64url_encode(deep) + "." + base64url_encode("{}") + ".c2ln";
    JwtInspection inspection = inspect(token);
    CHECK_FALSE(inspection.decoded);
    CHECK(inspection.error.find("does not decode to a JSON object") != std::string::npos);
}
