// Two-step sign-in in core, one case per step a person takes: signing in
// with a code after the password, and setting an app up on the account page.
#include "core/app.hpp"
#include "core/flows/account_flow.hpp"

#include "effects_of.hpp"
#include "signed_out_state.hpp"

#include <doctest/doctest.h>

using namespace core;

namespace {

const char* signed_in_answer = R"({"user":{"id":"u7","email":"sam@acme.example","name":"Sam"},"csrf_token":"c",)"
                               R"("memberships":[{"tenant":"acme-prod","tenant_name":"Acme","role":"support_only"}]})";
const char* challenge_answer = R"({"second_factor":"totp","challenge":"ch-1","expires_at":"2026-12-07T03:05:00Z"})";

State signed_out() { return signed_out_on_sign_in_screen("2026-12-07T03:00:00Z"); }

State on_account_page() {
    State state = signed_out();
    update(state, Answered<HttpReply::Session>{200, signed_in_answer});
    update(state, OpenAccount{});
    return state;
}

}  // namespace

TEST_CASE("a right password for an account with two-step sign-in asks for the app's code, then signs in") {
    State state = signed_out();
    update(state, EditSignIn{"email", "sam@acme.example"});
    update(state, EditSignIn{"password", "demo-password"});
    update(state, SubmitSignIn{});
    CHECK(update(state, Answered<HttpReply::SignIn>{202, challenge_answer}).empty());
    CHECK(state.sign_in.challenge == "ch-1");
    CHECK(state.sign_in.password.empty());   // not kept once it has done its part
    CHECK(state.sign_in.email == "sam@acme.example");
    CHECK(state.session == SessionStatus::SignedOut);

    CHECK(update(state, SubmitSignIn{}).empty());   // no code yet: says so, sends nothing
    CHECK_FALSE(state.sign_in.error.empty());
    update(state, EditSignIn{"code", "123 456"});
    const auto sent = effects_of<HttpRequest>(update(state, SubmitSignIn{}));
    REQUIRE(sent.size() == 1);
    CHECK(sent[0]->url == "/api/v1/session/second-factor");
    CHECK(sent[0]->body == R"({"challenge":"ch-1","code":"123456"})");

    SUBCASE("a wrong code keeps the step and says so") {
        update(state, Answered<HttpReply::SignIn>{422, R"({"detail":"That code is not right.","errors":{"code":"That code is not right."}})"});
        CHECK(state.sign_in.challenge == "ch-1");
        CHECK(state.sign_in.code.empty());
        CHECK(state.sign_in.error == "That code is not right.");
    }
    SUBCASE("an ended challenge goes back to the password") {
        update(state, Answered<HttpReply::SignIn>{410, R"({"detail":"This sign-in has ended. Sign in again."})"});
        CHECK(state.sign_in.challenge.empty());
        CHECK(state.sign_in.error == "This sign-in has ended. Sign in again.");
    }
    SUBCASE("the right code signs in") {
        update(state, Answered<HttpReply::SignIn>{200, signed_in_answer});
        CHECK(state.session == SessionStatus::SignedIn);
        CHECK(state.sign_in.challenge.empty());
    }
    SUBCASE("Back starts again from the password, keeping the address") {
        update(state, RestartSignIn{});
        CHECK(state.sign_in.challenge.empty());
        CHECK(state.sign_in.email == "sam@acme.example");
    }
}

TEST_CASE("a new password from a reset link still asks for the code of an account with two-step sign-in") {
    State state = signed_out();
    state.screen = PasswordResetScreen{"tok"};
    state.password_reset.token = "tok";
    state.password_reset.account_email = "sam@acme.example";
    const auto pushed = effects_of<PushLocation>(update(state, Answered<HttpReply::ResetPassword>{202, challenge_answer}));
    REQUIRE(pushed.size() == 1);
    CHECK(pushed[0]->hash == "#/sign-in");
    CHECK(state.sign_in.challenge == "ch-1");
    CHECK(state.sign_in.email == "sam@acme.example");
}

TEST_CASE("the account page sets up an app: its QR code and key, the first code, then the recovery codes once") {
    State state = on_account_page();
    CHECK(std::holds_alternative<AccountScreen>(state.screen));
    update(state, Answered<HttpReply::SecondFactorState>{200, R"({"enabled":false,"recovery_codes_left":0})"});
    CHECK(state.second_factor.loaded);
    CHECK_FALSE(state.second_factor.enabled);

    const auto started = effects_of<HttpRequest>(update(state, StartSecondFactorSetup{}));
    REQUIRE(started.size() == 1);
    CHECK(started[0]->url == "/api/v1/session/second-factor/enrolment");
    std::string modules(21 * 21, '0');
    modules[0] = '1';
    update(state, Answered<HttpReply::SecondFactorSetup>{
                      201, R"({"secret":"JBSWY3DPEHPK3PXP","otpauth_uri":"otpauth://totp/x","qr":{"size":21,"modules":")" +
                               modules + R"("}})"});
    CHECK(state.second_factor.secret == "JBSWY3DPEHPK3PXP");
    CHECK(state.second_factor.qr_size == 21);

    update(state, EditSecondFactorCode{"12"});
    CHECK(update(state, ConfirmSecondFactor{}).empty());   // not 6 digits: said here
    CHECK_FALSE(state.second_factor.error.empty());
    update(state, EditSecondFactorCode{"123 456"});
    const auto confirmed = effects_of<HttpRequest>(update(state, ConfirmSecondFactor{}));
    REQUIRE(confirmed.size() == 1);
    CHECK(confirmed[0]->body == R"({"code":"123456"})");
    update(state, Answered<HttpReply::SecondFactorOn>{200, R"({"enabled":true,"recovery_codes":["aaaaa-11111","bbbbb-22222"]})"});
    CHECK(state.second_factor.enabled);
    CHECK(state.second_factor.secret.empty());   // the key is not kept once the app has it
    CHECK(state.second_factor.recovery_codes.size() == 2);
    update(state, RecoveryCodesSaved{});
    CHECK(state.second_factor.recovery_codes.empty());

    // Turning it off takes a code.
    CHECK(update(state, TurnOffSecondFactor{}).empty());
    update(state, EditSecondFactorCode{"aaaaa-11111"});
    CHECK(effects_of<HttpRequest>(update(state, TurnOffSecondFactor{})).size() == 1);
    update(state, Answered<HttpReply::SecondFactorOff>{200, R"({"enabled":false})"});
    CHECK_FALSE(state.second_factor.enabled);
}

TEST_CASE("the account page refuses a QR code that is not a square of modules, and a 401 ends the session") {
    State state = on_account_page();
    update(state, Answered<HttpReply::SecondFactorState>{200, R"({"enabled":false,"recovery_codes_left":0})"});
    update(state, StartSecondFactorSetup{});
    update(state, Answered<HttpReply::SecondFactorSetup>{201, R"({"secret":"JBSW","otpauth_uri":"otpauth://x","qr":{"size":21,"modules":"0101"}})"});
    CHECK(state.second_factor.secret == "JBSW");
    CHECK(state.second_factor.qr_size == 0);   // the key as text still works
    update(state, EditSecondFactorCode{"123456"});
    update(state, ConfirmSecondFactor{});
    update(state, Answered<HttpReply::SecondFactorOn>{401, R"({"detail":"Sign in to continue."})"});
    CHECK(state.session == SessionStatus::SignedOut);
    CHECK(std::holds_alternative<SignInScreen>(state.screen));
}
