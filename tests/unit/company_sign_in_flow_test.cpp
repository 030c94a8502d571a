// Signing in with a company account on the sign-in screen: the refusal the
// service sends the browser back with, as a location, and the button that
// asks the service where to sign in, then leaves for it.
#include "core/app.hpp"
#include "core/model/company_sign_in.hpp"
#include "core/model/location.hpp"
#include "core/program/program.hpp"

#include "effects_of.hpp"
#include "signed_out_state.hpp"

#include <nlohmann/json.hpp>

#include <doctest/doctest.h>

using namespace core;
using nlohmann::json;

TEST_CASE("every refusal of a company sign-in is a location that round trips") {
    const Program& program = default_program();
    for (CompanySignInRefusal refusal : company_sign_in_refusals) {
        const std::string hash = "#/sign-in/company/" + std::string(to_string(refusal));
        CHECK(location_of(parse_location(hash, program)) == hash);
    }
    CHECK(std::holds_alternative<NotFoundScreen>(parse_location("#/sign-in/company/whatever", program)));
    CHECK(parse_location("#/sign-in", program) == Screen{SignInScreen{}});
}

TEST_CASE("the company account button asks the service where to sign in, then leaves for it") {
    State state = signed_out_on_sign_in_screen("2026-12-07T03:00:00Z");
    // Without an address there is no way to tell the company.
    CHECK(update(state, SignInWithCompany{}).empty());
    CHECK(state.sign_in.error.find("work e-mail") != std::string::npos);

    state.screen = SignInScreen{CompanySignInRefusal::WrongNonce};   // back from a refused attempt
    update(state, EditSignIn{"email", " Pat@Globex.test "});
    std::vector<Effect> effects = update(state, SignInWithCompany{});
    auto requests = effects_of<HttpRequest>(effects);
    REQUIRE(requests.size() == 1);
    CHECK(requests[0]->method == "POST");
    CHECK(requests[0]->url == "/api/v1/sso/start");
    CHECK(json::parse(requests[0]->body) == json{{"email", "pat@globex.test"}});
    CHECK(effects_of<ReplaceLocation>(effects).at(0)->hash == "#/sign-in");   // the old refusal's words go
    CHECK(state.sign_in.busy);
    CHECK(state.sign_in.to_company);   // the company button, not the password's, says it is busy
    CHECK(update(state, SignInWithCompany{}).empty());   // one at a time
    CHECK(update(state, SubmitSignIn{}).empty());

    effects = update(state, Answered<HttpReply::CompanySignIn>{200, R"({"authorization_url":"https://id.globex.test/authorize?x=1"})"});
    REQUIRE(effects_of<LeavePortal>(effects).size() == 1);
    CHECK(effects_of<LeavePortal>(effects)[0]->url == "https://id.globex.test/authorize?x=1");

    state.sign_in.busy = true;
    update(state, Answered<HttpReply::CompanySignIn>{404, R"({"title":"Not Found","status":404,)"
                                                           R"("detail":"No company sign-in is set up for globex.test addresses."})"});
    CHECK_FALSE(state.sign_in.busy);
    CHECK(state.sign_in.error == "No company sign-in is set up for globex.test addresses.");

    // A page address that is not a web page is never followed.
    state.sign_in.busy = true;
    effects = update(state, Answered<HttpReply::CompanySignIn>{200, R"~({"authorization_url":"javascript:alert(1)"})~"});
    CHECK(effects_of<LeavePortal>(effects).empty());
    CHECK_FALSE(state.sign_in.error.empty());
}
