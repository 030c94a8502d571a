// The service's answers about one's own account, read in core: each reader
// takes what the API documents and refuses what it does not, saying where.
#include "core/model/account_answers.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace core;

TEST_CASE("the two-step sign-in state: on with its recovery codes left, or refused with where it is wrong") {
    Parsed<SecondFactorStatus> on = parse_second_factor_status(R"({"enabled":true,"recovery_codes_left":7})");
    REQUIRE(on);
    CHECK(on->enabled);
    CHECK(on->recovery_codes_left == 7);
    Parsed<SecondFactorStatus> off = parse_second_factor_status(R"({"enabled":false})");
    REQUIRE(off);
    CHECK_FALSE(off->enabled);
    CHECK(off->recovery_codes_left == 0);

    CHECK(parse_second_factor_status(R"({"enabled":"yes"})").error.find("enabled") != std::string::npos);
    CHECK(parse_second_factor_status(R"({"enabled":true,"recovery_codes_left":"7"})").error.find("recovery_codes_left") !=
          std::string::npos);
    CHECK_FALSE(parse_second_factor_status("[]"));
    CHECK_FALSE(parse_second_factor_status("not json"));
}

TEST_CASE("an enrolment gives its key and URI; a QR code that is not a square of 0s and 1s is left out") {
    const std::string square(21 * 21, '1');
    Parsed<SecondFactorEnrolment> with_qr = parse_second_factor_enrolment(
        R"({"secret":"JBSWY3DPEHPK3PXP","otpauth_uri":"otpauth://totp/x","qr":{"size":21,"modules":")" + square + R"("}})");
    REQUIRE(with_qr);
    CHECK(with_qr->secret == "JBSWY3DPEHPK3PXP");
    CHECK(with_qr->qr_size == 21);
    CHECK(with_qr->qr_modules == square);

    for (const std::string& qr : std::vector<std::string>{R"({"size":21,"modules":"0101"})", R"({"size":20,"modules":")" + std::string(400, '0') + "\"}",
                                 R"({"size":21,"modules":")" + std::string(441, '2') + "\"}", std::string(R"("a picture")")}) {
        Parsed<SecondFactorEnrolment> without = parse_second_factor_enrolment(
            R"({"secret":"JBSWY3DPEHPK3PXP","otpauth_uri":"otpauth://totp/x","qr":)" + qr + "}");
        REQUIRE(without);
        CHECK(without->qr_size == 0);
        CHECK(without->qr_modules.empty());
    }
    CHECK(parse_second_factor_enrolment(R"({"otpauth_uri":"otpauth://totp/x"})").error.find("secret") != std::string::npos);
}

TEST_CASE("recovery codes: the text ones, none from an answer without them") {
    CHECK(parse_recovery_codes(R"({"recovery_codes":["a1b2-c3d4",7,"e5f6-a7b8"]})") ==
          std::vector<std::string>{"a1b2-c3d4", "e5f6-a7b8"});
    CHECK(parse_recovery_codes(R"({"recovery_codes":"a1b2"})").empty());
    CHECK(parse_recovery_codes("").empty());
}

TEST_CASE("password reset answers: the address and the link's lifetime, the link's account and expiry") {
    Parsed<PasswordResetSent> sent = parse_password_reset_sent(R"({"email":"sam@acme.example","link_lifetime_minutes":60})");
    REQUIRE(sent);
    CHECK(sent->email == "sam@acme.example");
    CHECK(sent->link_minutes == 60);
    CHECK(parse_password_reset_sent(R"({"email":"sam@acme.example"})")->link_minutes == 0);
    CHECK_FALSE(parse_password_reset_sent(R"({"link_lifetime_minutes":60})"));

    Parsed<PasswordResetLink> link = parse_password_reset_link(R"({"email":"sam@acme.example","expires_at":"2026-12-07T04:00:00Z"})");
    REQUIRE(link);
    CHECK(link->expires_at == "2026-12-07T04:00:00Z");
    CHECK(parse_password_reset_link(R"({"email":"sam@acme.example"})")->expires_at.empty());
    CHECK(parse_password_reset_link(R"({"email":"sam@acme.example","expires_at":5})").error.find("expires_at") !=
          std::string::npos);
}
