// The password reset flow, one case per step a person takes: from the
// sign-in screen to asking for a link, and from the link to a new password.
#include "core/app.hpp"
#include "core/flows/password_reset_flow.hpp"

#include "effects_of.hpp"
#include "signed_out_state.hpp"

#include <doctest/doctest.h>

using namespace core;

namespace {

const char* signed_in_answer = R"({"user":{"id":"u7","email":"sam@acme.example","name":"Sam"},"csrf_token":"c",)"
                               R"("memberships":[{"tenant":"acme-prod","tenant_name":"Acme","role":"support_only"}]})";

State signed_out() { return signed_out_on_sign_in_screen("2026-12-07T03:00:00Z"); }

}  // namespace

TEST_CASE("\"Forgot password?\" carries the typed address over, checks it, and sends it once") {
    State state = signed_out();
    update(state, EditSignIn{"email", "Sam@Acme.example"});
    const auto pushed = effects_of<PushLocation>(update(state, OpenForgotPassword{}));
    REQUIRE(pushed.size() == 1);
    CHECK(pushed[0]->hash == "#/forgot-password");
    CHECK(std::holds_alternative<ForgotPasswordScreen>(state.screen));
    CHECK(state.password_reset.email == "Sam@Acme.example");

    update(state, EditPasswordReset{"email", "sam at acme"});
    CHECK(update(state, SubmitPasswordResetRequest{}).empty());
    CHECK_FALSE(state.password_reset.field_errors["email"].empty());

    update(state, EditPasswordReset{"email", " Sam@Acme.example"});
    CHECK(state.password_reset.field_errors.count("email") == 0);
    const auto sent = effects_of<HttpRequest>(update(state, SubmitPasswordResetRequest{}));
    REQUIRE(sent.size() == 1);
    CHECK(sent[0]->method == "POST");
    CHECK(sent[0]->url == "/api/v1/password-resets");
    CHECK(sent[0]->body == R"({"email":"sam@acme.example"})");
    CHECK(effects_of<HttpRequest>(update(state, SubmitPasswordResetRequest{})).empty());   // busy: not twice

    update(state, Answered<HttpReply::RequestPasswordReset>{202, R"({"email":"sam@acme.example","link_lifetime_minutes":60})"});
    CHECK_FALSE(state.password_reset.busy);
    CHECK(state.password_reset.sent_to == "sam@acme.example");
    CHECK(state.password_reset.link_minutes == 60);

    SUBCASE("a throttled request says why and for how long") {
        update(state, SubmitPasswordResetRequest{});
        update(state, Answered<HttpReply::RequestPasswordReset>{
                          429, R"({"title":"Too Many Requests","detail":"Too many links were asked for. Try again in 58 minutes."})"});
        CHECK(state.password_reset.error == "Too many links were asked for. Try again in 58 minutes.");
    }
    SUBCASE("another address is another request") {
        update(state, EditPasswordReset{"email", "lee@acme.example"});
        CHECK(state.password_reset.sent_to.empty());
    }
}

TEST_CASE("the link's page reads the link once, checks the new password, and signs in with it") {
    State state = signed_out();
    const auto read = effects_of<HttpGet>(update(state, LocationChanged{"#/reset-password/tok-1"}));
    REQUIRE(read.size() == 1);
    CHECK(read[0]->url == "/api/v1/password-resets/tok-1");
    CHECK(state.password_reset.loading);
    CHECK(effects_of<HttpGet>(update(state, LocationChanged{"#/reset-password/tok-1"})).empty());

    update(state, Answered<HttpReply::PasswordReset>{200, R"({"email":"sam@acme.example","expires_at":"2026-12-07T04:00:00Z"})"});
    CHECK_FALSE(state.password_reset.loading);
    CHECK(state.password_reset.account_email == "sam@acme.example");

    update(state, EditPasswordReset{"password", "short"});
    CHECK(update(state, SubmitNewPassword{}).empty());
    CHECK_FALSE(state.password_reset.field_errors["password"].empty());

    update(state, EditPasswordReset{"password", "a brand new passphrase"});
    const auto sent = effects_of<HttpRequest>(update(state, SubmitNewPassword{}));
    REQUIRE(sent.size() == 1);
    CHECK(sent[0]->url == "/api/v1/password-resets/tok-1");
    CHECK(sent[0]->body == R"({"password":"a brand new passphrase"})");

    SUBCASE("accepted: signed in, on the tickets, and the form forgotten") {
        update(state, Answered<HttpReply::ResetPassword>{200, signed_in_answer});
        CHECK(state.session == SessionStatus::SignedIn);
        CHECK(std::holds_alternative<TicketsScreen>(state.screen));
        CHECK(state.password_reset.password.empty());
    }
    SUBCASE("used meanwhile: the form gives way to the reason") {
        update(state, Answered<HttpReply::ResetPassword>{410, R"({"detail":"This link has been used already."})"});
        CHECK(state.password_reset.account_email.empty());
        CHECK(state.password_reset.error == "This link has been used already.");
    }
}

TEST_CASE("an unusable link says why, and a reply that is not the expected shape is not taken for one") {
    State state = signed_out();
    update(state, LocationChanged{"#/reset-password/tok-2"});
    update(state, Answered<HttpReply::PasswordReset>{410, R"({"detail":"This link expired at 2026-12-07T02:00:00Z (UTC)."})"});
    CHECK(state.password_reset.account_email.empty());
    CHECK(state.password_reset.error == "This link expired at 2026-12-07T02:00:00Z (UTC).");

    state.password_reset = {};
    update(state, LocationChanged{"#/reset-password/tok-3"});
    update(state, Answered<HttpReply::PasswordReset>{200, R"({"email": 7})"});
    CHECK(state.password_reset.account_email.empty());
    CHECK_FALSE(state.password_reset.error.empty());
    CHECK(update(state, SubmitNewPassword{}).empty());
}
