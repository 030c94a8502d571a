// The session flow, one case per Action it owns: the sign-in form, the
// service's answers about the session, switching tenants, signing out.
#include "core/app.hpp"
#include "core/flows/session_flow.hpp"

#include "effects_of.hpp"
#include "signed_out_state.hpp"
#include "signed_in_state.hpp"

#include <doctest/doctest.h>

using namespace core;

namespace {

const char* two_tenants = R"({"user":{"id":"u1","email":"admin@acme.example","name":"Ada Admin"},)"
                          R"("csrf_token":"csrf-1","memberships":[)"
                          R"({"tenant":"acme-prod","tenant_name":"Acme","role":"admin","plan":"standard","region":"eu"},)"
                          R"({"tenant":"acme-dev","tenant_name":"Acme dev","role":"member","plan":"trial","region":"eu"}]})";

State on_sign_in_screen() { return signed_out_on_sign_in_screen("2026-12-05T10:00:00Z"); }

}  // namespace

TEST_CASE("the sign-in form asks for both fields, then sends them once") {
    State state = on_sign_in_screen();
    CHECK(update(state, SubmitSignIn{}).empty());
    CHECK(state.sign_in.error == "Enter your e-mail address and password.");
    update(state, EditSignIn{"email", "admin@acme.example"});
    update(state, EditSignIn{"password", "demo-password"});
    const auto sent = effects_of<HttpRequest>(update(state, SubmitSignIn{}));
    REQUIRE(sent.size() == 1);
    CHECK(sent[0]->method == "POST");
    CHECK(sent[0]->url == "/api/v1/session");
    CHECK(sent[0]->reply == HttpReply::SignIn);
    CHECK(sent[0]->body == R"({"email":"admin@acme.example","password":"demo-password"})");
    CHECK(state.sign_in.error.empty());
    CHECK(effects_of<HttpRequest>(update(state, SubmitSignIn{})).empty());   // busy: not twice
}

TEST_CASE("a refused sign-in forgets the password and says why; an accepted one goes where the person was going") {
    State state = on_sign_in_screen();
    update(state, EditSignIn{"email", "admin@acme.example"});
    update(state, EditSignIn{"password", "wrong"});
    update(state, SubmitSignIn{});
    update(state, Answered<HttpReply::SignIn>{401, R"({"title":"Wrong e-mail address or password."})"});
    CHECK_FALSE(state.sign_in.busy);
    CHECK(state.sign_in.password.empty());
    CHECK(state.sign_in.error == "Wrong e-mail address or password.");
    CHECK(state.session == SessionStatus::SignedOut);

    state.return_to = "#/users";
    update(state, EditSignIn{"password", "demo-password"});
    update(state, SubmitSignIn{});
    const std::vector<Effect> effects = update(state, Answered<HttpReply::SignIn>{200, two_tenants});
    CHECK(state.session == SessionStatus::SignedIn);
    CHECK(state.account->email == "admin@acme.example");
    CHECK(state.current_tenant == "acme-prod");
    CHECK(std::holds_alternative<UsersScreen>(state.screen));
    CHECK(state.return_to.empty());
    CHECK(effects_of<PushLocation>(effects).at(0)->hash == "#/users");
    CHECK(effects_of<KeepSnapshot>(effects).size() == 1);   // who is signed in, for offline visits
}

TEST_CASE("the header's Sign in remembers the screen to come back to") {
    State state = on_sign_in_screen();
    state.screen = RouteScreen{"onboarding"};
    const std::vector<Effect> effects = update(state, OpenSignIn{});
    CHECK(state.return_to == "#/route/onboarding");
    CHECK(std::holds_alternative<SignInScreen>(state.screen));
    CHECK(effects_of<PushLocation>(effects).at(0)->hash == "#/sign-in");
}

TEST_CASE("the session check: signed in, signed out, or unknown while the service cannot be reached") {
    State state;
    state.now = *parse_instant("2026-12-05T10:00:00Z");
    update(state, Answered<HttpReply::Session>{0, ""});
    CHECK(state.session == SessionStatus::Unknown);   // nothing kept on this device: still unknown

    update(state, Answered<HttpReply::Session>{200, two_tenants});
    CHECK(state.session == SessionStatus::SignedIn);
    CHECK(state.account->memberships.size() == 2);

    const std::vector<Effect> effects = update(state, Answered<HttpReply::Session>{401, ""});
    CHECK(state.session == SessionStatus::SignedOut);
    CHECK_FALSE(state.account);
    CHECK(effects_of<ForgetSnapshots>(effects).size() == 1);
}

TEST_CASE("switching tenants: only to one's own, and what was listed for the other goes") {
    State state = signed_in_acme_admin("2026-12-05T10:00:00Z");
    update(state, Answered<HttpReply::Session>{200, two_tenants});
    state.users.items.push_back(SupportUser{});
    CHECK(update(state, ChooseTenant{"globex-prod"}).empty());   // not a membership
    CHECK(state.current_tenant == "acme-prod");
    update(state, ChooseTenant{"acme-dev"});
    CHECK(state.current_tenant == "acme-dev");
    CHECK(state.users.items.empty());
}

TEST_CASE("signing out without drafts ends the session here and at the service; its answer changes nothing") {
    State state = signed_in_acme_admin("2026-12-05T10:00:00Z");
    state.screen = TicketsScreen{};
    const std::vector<Effect> effects = update(state, SignOut{});
    const auto sent = effects_of<HttpRequest>(effects);
    REQUIRE(sent.size() == 1);
    CHECK(sent[0]->method == "DELETE");
    CHECK(sent[0]->reply == HttpReply::SignOut);
    CHECK(state.session == SessionStatus::SignedOut);
    CHECK(std::holds_alternative<SignInScreen>(state.screen));
    CHECK(update(state, Answered<HttpReply::SignOut>{204, ""}).empty());
}
