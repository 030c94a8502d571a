// Support-user management through core::update: debounced search, invite
// with one Idempotency-Key per attempt, revoke confirmation, the session, and
// accepting an invitation as a new or an existing account.
#include "core/app.hpp"

#include "effects_of.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace core;

namespace {

const char* admin_of_two = R"json({"user":{"id":"1","email":"owner@multi.example","name":"Olive"},
    "memberships":[{"tenant":"acme-prod","tenant_name":"Acme (production)","role":"admin"},
                   {"tenant":"globex-dev","tenant_name":"Globex (development)","role":"admin"}],
    "csrf_token":"csrf-1"})json";

State on_users_screen() {
    State state;
    start(state, "#/users");
    update(state, Answered<HttpReply::Session>{200, admin_of_two});
    REQUIRE(state.screen == Screen{UsersScreen{}});
    return state;
}

}  // namespace

TEST_CASE("entering the users screen lists users and the audit log of the current tenant") {
    State state;
    start(state, "#/users");
    std::vector<Effect> effects = update(state, Answered<HttpReply::Session>{200, admin_of_two});
    auto requests = effects_of<HttpRequest>(effects);
    REQUIRE(requests.size() == 2);
    CHECK(requests[0]->url == "/api/v1/tenants/acme-prod/support-users?limit=100&sort=email&order=asc");
    CHECK(requests[1]->url == "/api/v1/tenants/acme-prod/audit?limit=50");
    CHECK(requests[0]->csrf_token.empty());   // GETs carry no token
}

TEST_CASE("search waits for a pause in typing and ignores stale answers") {
    State state = on_users_screen();
    auto first = update(state, EditUserSearch{"ad"});
    auto second = update(state, EditUserSearch{"ada"});
    const int stale = effects_of<StartTimer>(first)[0]->generation;
    const int fresh = effects_of<StartTimer>(second)[0]->generation;
    CHECK(update(state, Fired<Timer::UserSearch>{stale}).empty());
    auto request = effects_of<HttpRequest>(update(state, Fired<Timer::UserSearch>{fresh}));
    REQUIRE(request.size() == 1);
    CHECK(request[0]->url.find("&q=ada") != std::string::npos);

    // An answer to an older search does not replace the list.
    update(state, Answered<HttpReply::Users>{200, R"({"items":[{"id":"9","email":"old@x.example","status":"active"}],"total":1})", stale});
    CHECK(state.users.items.empty());
    update(state, Answered<HttpReply::Users>{200, R"({"items":[{"id":"7","email":"ada@acme.example","status":"active"}],"next_cursor":null,"total":1})", fresh});
    REQUIRE(state.users.items.size() == 1);
    CHECK(state.users.items[0].email == "ada@acme.example");
}

TEST_CASE("an invitation keeps its key for retries and shows the service's field errors") {
    State state = on_users_screen();
    update(state, OpenInvite{});
    CHECK(state.users.invite.tenants == std::set<std::string>{"acme-prod"});
    update(state, EditInvite{"not an address"});
    // Checked in the portal first: no request, the error on the field.
    CHECK(effects_of<HttpRequest>(update(state, SubmitInvite{})).empty());
    CHECK_FALSE(state.users.invite.field_errors.at("email").empty());
    update(state, EditInvite{"nia@acme.example"});
    update(state, ToggleInviteTenant{"globex-dev"});
    auto sent = effects_of<HttpRequest>(update(state, SubmitInvite{}));
    REQUIRE(sent.size() == 1);
    CHECK(sent[0]->method == "POST");
    CHECK(sent[0]->csrf_token == "csrf-1");
    CHECK(sent[0]->body == R"({"email":"nia@acme.example","tenants":["acme-prod","globex-dev"]})");
    const std::string key = sent[0]->idempotency_key;
    CHECK_FALSE(key.empty());

    // The network failed: the retry is the same request with the same key.
    update(state, Answered<HttpReply::Invite>{0, "", state.users.generation});
    auto retry = effects_of<HttpRequest>(update(state, SubmitInvite{}));
    CHECK(retry[0]->idempotency_key == key);

    update(state, Answered<HttpReply::Invite>{400,
                               R"({"title":"Bad request","errors":{"email":"Enter an address like name@example.com."}})",
                               state.users.generation});
    CHECK(state.users.invite.field_errors.at("email") == "Enter an address like name@example.com.");
    CHECK(state.users.invite.email == "nia@acme.example");   // nothing typed is lost
    update(state, EditInvite{"new.user@acme.example"});
    auto corrected = effects_of<HttpRequest>(update(state, SubmitInvite{}));
    CHECK(corrected[0]->idempotency_key != key);   // a different request

    update(state, Answered<HttpReply::Invite>{201, R"({"invitation":{}})", state.users.generation});
    CHECK_FALSE(state.users.invite.open);
    CHECK(state.users.message == "Invitation sent to new.user@acme.example.");
}

TEST_CASE("revoking asks first, names the user, and refreshes") {
    State state = on_users_screen();
    update(state, Answered<HttpReply::Users>{200,
                               R"({"items":[{"id":"7","email":"ada@acme.example","status":"active"}],"total":1})",
                               state.users.generation});
    CHECK(update(state, AskRevoke{"7"}).empty());   // nothing happens before the confirmation
    auto revoke = effects_of<HttpRequest>(update(state, ConfirmRevoke{}));
    REQUIRE(revoke.size() == 1);
    CHECK(revoke[0]->url == "/api/v1/tenants/acme-prod/support-users/7/revoke");
    auto after = update(state, Answered<HttpReply::Revoke>{200, "{}", state.users.generation});
    CHECK(state.users.message == "Revoked ada@acme.example's support access. Their tickets stay.");
    CHECK(effects_of<HttpRequest>(after).size() == 2);   // list and audit again
}

TEST_CASE("switching tenants lists that tenant's users; a revoked session leads to sign-in") {
    State state = on_users_screen();
    auto switched = effects_of<HttpRequest>(update(state, ChooseTenant{"globex-dev"}));
    REQUIRE_FALSE(switched.empty());
    CHECK(switched[0]->url.starts_with("/api/v1/tenants/globex-dev/support-users"));
    update(state, Answered<HttpReply::Users>{401, "{}", state.users.generation});
    CHECK(state.screen == Screen{SignInScreen{}});
    CHECK(state.return_to == "#/users");
    CHECK_FALSE(state.account.has_value());
}

TEST_CASE("the audit log pages back through older entries") {
    State state = on_users_screen();
    const std::string first =
        R"({"items":[{"at":"2026-11-23T10:00:00Z","actor":"admin@acme.example","action":"revoke","target":"a@acme.example","address":"127.0.0.1"}],"next_cursor":"older-1"})";
    update(state, Answered<HttpReply::Audit>{200, first, state.users.generation});
    REQUIRE(state.users.audit.size() == 1);
    CHECK(state.users.audit_cursor == "older-1");

    std::vector<Effect> effects = update(state, LoadOlderAudit{});
    REQUIRE(effects.size() == 1);
    CHECK(std::get<HttpRequest>(effects[0]).url == "/api/v1/tenants/acme-prod/audit?limit=50&cursor=older-1");
    CHECK(update(state, LoadOlderAudit{}).empty());   // one page at a time

    const std::string older =
        R"({"items":[{"at":"2026-11-20T10:00:00Z","actor":"admin@acme.example","action":"invite","target":"a@acme.example","address":"127.0.0.1"}],"next_cursor":null})";
    update(state, Answered<HttpReply::Audit>{200, older, state.users.generation});
    REQUIRE(state.users.audit.size() == 2);
    CHECK(state.users.audit[1].action == "invite");
    CHECK(state.users.audit_cursor.empty());
    CHECK(update(state, LoadOlderAudit{}).empty());   // nothing older
}

namespace {

// The invitation screen with the service's answer about the link.
State on_invitation(const char* invitation_json) {
    State state;
    start(state, "#/invitation/tok-1");
    update(state, Answered<HttpReply::Invitation>{200, invitation_json});
    REQUIRE(state.invitation.invitation);
    return state;
}

const char* new_account_invitation = R"({"email":"new@acme.example","tenants":[{"tenant":"acme-prod","tenant_name":"Acme"}],
    "invited_by":{"email":"admin@acme.example","name":"Amara"},"expires_at":"2026-04-01T00:00:00Z","existing_account":false})";
const char* existing_account_invitation = R"({"email":"admin@globex.example","tenants":[{"tenant":"acme-prod","tenant_name":"Acme"}],
    "invited_by":{"email":"admin@acme.example","name":"Amara"},"expires_at":"2026-04-01T00:00:00Z","existing_account":true})";

}  // namespace

TEST_CASE("a new account's invitation checks the name and password as the service does before sending") {
    State state = on_invitation(new_account_invitation);
    update(state, EditInvitation{"name", "\xE2\x80\xAE" "amaN"});   // a right-to-left override in front
    update(state, EditInvitation{"password", "long enough password"});
    CHECK(effects_of<HttpRequest>(update(state, SubmitInvitation{})).empty());
    CHECK(state.invitation.field_errors["name"].find("U+202E") != std::string::npos);
    CHECK_FALSE(state.invitation.busy);

    update(state, EditInvitation{"name", "Nia Name"});
    auto sent = effects_of<HttpRequest>(update(state, SubmitInvitation{}));
    REQUIRE(sent.size() == 1);
    CHECK(sent[0]->url == "/api/v1/invitations/tok-1/accept");
    CHECK(nlohmann::json::parse(sent[0]->body) == nlohmann::json{{"name", "Nia Name"}, {"password", "long enough password"}});
}

TEST_CASE("an existing account's invitation sends only that account's password, and forgets a wrong one") {
    State state = on_invitation(existing_account_invitation);
    CHECK(state.invitation.invitation->existing_account);
    update(state, EditInvitation{"password", "demo-password"});   // its own: no new-password rules apply
    auto sent = effects_of<HttpRequest>(update(state, SubmitInvitation{}));
    REQUIRE(sent.size() == 1);
    CHECK(nlohmann::json::parse(sent[0]->body) == nlohmann::json{{"password", "demo-password"}});

    update(state, Answered<HttpReply::AcceptInvitation>{401,
                               R"({"title":"Unauthorized","status":401,"detail":"The password is wrong.","errors":{"password":"Not it."}})"});
    CHECK(state.invitation.password.empty());
    CHECK(state.invitation.field_errors["password"] == "Not it.");
    CHECK(state.session != SessionStatus::SignedIn);
}

TEST_CASE("filtering and sorting list again from the first page; sorting the same column again flips it") {
    State state = on_users_screen();
    auto filtered = effects_of<HttpRequest>(update(state, ChooseUserStatus{MembershipStatus::Invited}));
    REQUIRE(filtered.size() == 1);
    CHECK(filtered[0]->url == "/api/v1/tenants/acme-prod/support-users?limit=100&sort=email&order=asc&status=invited");
    auto by_name = effects_of<HttpRequest>(update(state, SortUsers{SupportUserSort::Name}));
    CHECK(by_name[0]->url.find("sort=name&order=asc") != std::string::npos);
    auto flipped = effects_of<HttpRequest>(update(state, SortUsers{SupportUserSort::Name}));
    CHECK(flipped[0]->url.find("sort=name&order=desc") != std::string::npos);
    CHECK(flipped[0]->generation > by_name[0]->generation);   // the earlier answer is now stale
}

TEST_CASE("more users come after the cursor and add to the list; without a cursor nothing is asked") {
    State state = on_users_screen();
    CHECK(update(state, LoadMoreUsers{}).empty());   // still loading the first page
    update(state, Answered<HttpReply::Users>{200,
        R"({"items":[{"id":"7","email":"ada@acme.example","status":"active"}],"next_cursor":"c2","total":2})",
        state.users.generation});
    auto more = effects_of<HttpRequest>(update(state, LoadMoreUsers{}));
    REQUIRE(more.size() == 1);
    CHECK(more[0]->url.ends_with("&cursor=c2"));
    update(state, Answered<HttpReply::Users>{200,
        R"({"items":[{"id":"8","email":"bo@acme.example","status":"invited"}],"total":2})", state.users.generation});
    REQUIRE(state.users.items.size() == 2);
    CHECK(state.users.items[1].email == "bo@acme.example");
    CHECK(update(state, LoadMoreUsers{}).empty());   // the last page
}

TEST_CASE("a user's details are asked for and kept only while that user is still selected") {
    State state = on_users_screen();
    auto asked = effects_of<HttpRequest>(update(state, SelectUser{"7"}));
    REQUIRE(asked.size() == 1);
    CHECK(asked[0]->url == "/api/v1/tenants/acme-prod/support-users/7");
    update(state, SelectUser{"8"});
    update(state, Answered<HttpReply::UserDetails>{200, R"({"id":"7","email":"ada@acme.example","status":"active"})"});
    CHECK_FALSE(state.users.details);   // an answer about someone no longer selected
    update(state, Answered<HttpReply::UserDetails>{200,
        R"({"id":"8","email":"bo@acme.example","status":"invited","open_tickets":2})"});
    REQUIRE(state.users.details);
    CHECK(state.users.details->user.email == "bo@acme.example");
    CHECK(state.users.details->open_tickets == 2);
}

TEST_CASE("cancelling a revoke and closing the invite dialog change nothing at the service") {
    State state = on_users_screen();
    update(state, AskRevoke{"7"});
    CHECK(update(state, CancelRevoke{}).empty());
    CHECK(state.users.confirm_revoke_id.empty());
    CHECK(update(state, ConfirmRevoke{}).empty());   // nothing left to confirm
    update(state, OpenInvite{});
    CHECK(state.users.invite.open);
    CHECK(update(state, CloseInvite{}).empty());
    CHECK_FALSE(state.users.invite.open);
}
