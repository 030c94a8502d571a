// The ID token of single sign-on, the parts in core: the compact JWS split,
// the claims as a relying party must check them (OpenID Connect Core
// 3.1.3.7), and the refusal words the service and the page share.
#include "core/checks/id_token.hpp"
#include "core/model/company_sign_in.hpp"
#include "core/text/base64url.hpp"

#include <doctest/doctest.h>

using namespace core;
using nlohmann::json;

namespace {

const Instant now = *parse_instant("2026-12-07T03:00:00Z");
const int64_t now_seconds = now.time_since_epoch().count();

json good_claims() {
    return {{"iss", "https://id.globex.test"}, {"aud", "portal"},        {"sub", "248289761001"},
            {"email", "Pat@Globex.test"},     {"email_verified", true}, {"nonce", "n-0S6_WzA2Mj"},
            {"iat", now_seconds - 5},          {"exp", now_seconds + 300}, {"name", "Pat Lee"}};
}

IdTokenExpectations expected() { return {"https://id.globex.test", "portal", "n-0S6_WzA2Mj", now}; }

CompanySignInRefusal refusal_of(const json& claims) {
    const IdTokenClaimsCheck check = check_id_token_claims(claims, expected());
    REQUIRE_FALSE(check.identity);
    CHECK_FALSE(check.detail.empty());
    return check.refusal;
}

}  // namespace

TEST_CASE("an ID token whose claims are all right gives the verified, normalized address") {
    const IdTokenClaimsCheck check = check_id_token_claims(good_claims(), expected());
    REQUIRE(check.identity);
    CHECK(check.identity->email == "pat@globex.test");
    CHECK(check.identity->subject == "248289761001");
    CHECK(check.identity->name == "Pat Lee");
    json listed = good_claims();
    listed["aud"] = json::array({"portal"});
    listed["azp"] = "portal";
    listed["email_verified"] = "true";   // as some providers write it
    CHECK(check_id_token_claims(listed, expected()).identity);
}

TEST_CASE("each wrong claim is refused with its own reason") {
    json claims = good_claims();
    claims["iss"] = "https://id.globex.test/";   // exactly as configured, not almost
    CHECK(refusal_of(claims) == CompanySignInRefusal::WrongIssuer);

    for (json audience : {json("someone-else"), json::array({"portal", "someone-else"}), json::array(), json(42)}) {
        claims = good_claims();
        claims["aud"] = audience;
        CHECK(refusal_of(claims) == CompanySignInRefusal::WrongAudience);
    }
    claims = good_claims();
    claims.erase("aud");
    CHECK(refusal_of(claims) == CompanySignInRefusal::WrongAudience);
    claims = good_claims();
    claims["azp"] = "someone-else";
    CHECK(refusal_of(claims) == CompanySignInRefusal::WrongAudience);

    claims = good_claims();
    claims["exp"] = now_seconds - 121;   // past the two minutes of clock skew
    CHECK(refusal_of(claims) == CompanySignInRefusal::TokenExpired);
    claims["exp"] = now_seconds - 60;    // within them
    CHECK(check_id_token_claims(claims, expected()).identity);
    claims = good_claims();
    claims["exp"] = "tomorrow";
    CHECK(refusal_of(claims) == CompanySignInRefusal::TokenExpired);
    claims = good_claims();
    claims["iat"] = now_seconds + 600;
    CHECK(refusal_of(claims) == CompanySignInRefusal::TokenExpired);
    claims = good_claims();
    claims["nbf"] = now_seconds + 600;
    CHECK(refusal_of(claims) == CompanySignInRefusal::TokenExpired);

    claims = good_claims();
    claims["nonce"] = "another sign-in's";
    CHECK(refusal_of(claims) == CompanySignInRefusal::WrongNonce);
    claims.erase("nonce");
    CHECK(refusal_of(claims) == CompanySignInRefusal::WrongNonce);
    IdTokenExpectations no_nonce = expected();
    no_nonce.nonce.clear();   // a sign-in that sent none accepts none
    CHECK_FALSE(check_id_token_claims(good_claims(), no_nonce).identity);

    claims = good_claims();
    claims["email_verified"] = false;
    CHECK(refusal_of(claims) == CompanySignInRefusal::EmailUnverified);
    claims.erase("email_verified");
    CHECK(refusal_of(claims) == CompanySignInRefusal::EmailUnverified);
    claims = good_claims();
    claims["email"] = "not an address";
    CHECK(refusal_of(claims) == CompanySignInRefusal::EmailUnverified);
}

TEST_CASE("a compact JWS is split into header, claims, signed input and signature, or refused") {
    const std::string header = base64url_encode(R"({"alg":"RS256","kid":"k1"})");
    const std::string payload = base64url_encode(R"({"sub":"1"})");
    const std::string signature = base64url_encode("\x01\x02\x03");
    Parsed<CompactJws> jws = split_compact_jws(header + "." + payload + "." + signature);
    REQUIRE(jws);
    CHECK(jws->header["kid"] == "k1");
    CHECK(jws->claims["sub"] == "1");
    CHECK(jws->signing_input == header + "." + payload);
    CHECK(jws->signature == "\x01\x02\x03");

    CHECK_FALSE(split_compact_jws(header + "." + payload + "."));                  // unsigned ("alg": "none")
    CHECK_FALSE(split_compact_jws(header + "." + payload));
    CHECK_FALSE(split_compact_jws(header + "." + payload + "." + signature + ".x"));   // a JWE has five parts
    CHECK_FALSE(split_compact_jws(base64url_encode("[1]") + "." + payload + "." + signature));
    CHECK_FALSE(split_compact_jws("%%%." + payload + "." + signature));
}

TEST_CASE("an address's domain is what decides the provider") {
    CHECK(email_domain("pat@Globex.Test") == "globex.test");
    CHECK(email_domain("odd@name@globex.test") == "globex.test");
    CHECK(email_domain("nobody") == "");
}

TEST_CASE("every refusal has a word that reads back and a sentence") {
    for (CompanySignInRefusal refusal : company_sign_in_refusals) {
        CHECK(parse_company_sign_in_refusal(to_string(refusal)) == refusal);
        CHECK(refusal_message(refusal).size() > 40);
    }
    CHECK_FALSE(parse_company_sign_in_refusal("whatever"));
}
