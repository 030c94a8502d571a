// Issue 12's account findings, tried the way an attacker would: an
// invitation link never takes over an account that exists, an invitation
// shows nothing of someone else's account, a guesser cannot lock others out
// of signing in and is slowed on both the account and the address, and
// anonymous answers carry no SQLite words and no stored links.
#include "fake_smtp_server.hpp"
#include "signed_in_client.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using api_test::ServiceProcess;
using api_test::SignedInClient;
using nlohmann::json;

namespace {

const std::string acme_users = "/api/v1/tenants/acme-prod/support-users";

// A sign-in sent from another loopback address (127.0.0.0/8 is all ours),
// as a second office or a guesser's other machines would be.
httplib::Result sign_in_from(const ServiceProcess& service, const std::string& source, const std::string& email,
                             const std::string& password) {
    httplib::Client client = service.client();
    client.set_interface(source);
    return client.Post("/api/v1/session", json{{"email", email}, {"password", password}}.dump(), "application/json");
}

std::string accept_path(const std::string& token) { return "/api/v1/invitations/" + token + "/accept"; }

httplib::Result accept(const ServiceProcess& service, const std::string& token, const json& body) {
    return service.client().Post(accept_path(token), body.dump(), "application/json");
}

// acme's admin invites another tenant's admin; the invitation's token.
std::string invite_globex_admin(SignedInClient& acme_admin, const ServiceProcess& service) {
    api_test::json_of(acme_admin.invite("acme-prod", {{"email", "admin@globex.example"}}), 201);
    return api_test::token_of_link(api_test::newest_mail_to(service, "admin@globex.example")["link"]);
}

}  // namespace

TEST_CASE("an invitation to an address with an account never resets it: only its own password accepts") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient acme_admin(service, "admin@acme.example");
    const std::string token = invite_globex_admin(acme_admin, service);

    json invitation = api_test::json_of(service.client().Get("/api/v1/invitations/" + token), 200);
    CHECK(invitation["existing_account"] == true);
    json mail = api_test::newest_mail_to(service, "admin@globex.example");
    CHECK(mail["body"].get<std::string>().find("password of your account") != std::string::npos);

    // Whoever holds the link, choosing a name and password as a new invitee would.
    httplib::Result takeover = accept(service, token, {{"name", "Mallory"}, {"password", "mallory's own passphrase"}});
    api_test::problem_of(takeover, 401);
    CHECK(api_test::parse_json(takeover->body)["errors"]["password"].is_string());
    CHECK(!api_test::session_cookie_of(takeover));
    api_test::problem_of(api_test::sign_in(service, "admin@globex.example", "mallory's own passphrase"), 401);

    SUBCASE("the owner accepts with the password they have; name and password stay") {
        httplib::Result accepted = accept(service, token, {{"password", api_test::demo_password}});
        SignedInClient owner(service, accepted);
        CHECK(owner.session()["user"]["name"] == "Gustav Lindqvist");
        std::vector<std::string> tenants;
        for (const json& membership : owner.session()["memberships"]) tenants.push_back(membership["tenant"].get<std::string>());
        CHECK(tenants == std::vector<std::string>{"acme-prod", "globex-dev"});
        SignedInClient again(service, "admin@globex.example");
        api_test::problem_of(service.client().Get("/api/v1/invitations/" + token), 410);
    }

    SUBCASE("guessing the password through the link is throttled like signing in") {
        // The two failures above count: three more make five for this account from here.
        for (int attempt = 3; attempt <= 5; attempt++)
            api_test::problem_of(accept(service, token, {{"password", "guess number " + std::to_string(attempt)}}), 401);
        httplib::Result refused = accept(service, token, {{"password", api_test::demo_password}});
        api_test::problem_of(refused, 429);
        CHECK(std::stoi(refused->get_header_value("Retry-After")) > 0);
        api_test::json_of(service.client().Get("/api/v1/invitations/" + token), 200);   // still unused
    }
}

TEST_CASE("a second invitation's link needs the password the first one chose") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient acme_admin(service, "admin@acme.example");
    SignedInClient globex_admin(service, "admin@globex.example");
    const std::string email = "twice@example.com";
    api_test::json_of(acme_admin.invite("acme-prod", {{"email", email}}), 201);
    const std::string first = api_test::token_of_link(api_test::newest_mail_to(service, email)["link"]);
    api_test::json_of(globex_admin.invite("globex-dev", {{"email", email}}), 201);
    const std::string second = api_test::token_of_link(api_test::newest_mail_to(service, email)["link"]);
    CHECK(api_test::json_of(service.client().Get("/api/v1/invitations/" + second), 200)["existing_account"] == false);

    SignedInClient invitee(service, accept(service, first, {{"name", "Twice Invited"}, {"password", "the first passphrase"}}));
    CHECK(api_test::json_of(service.client().Get("/api/v1/invitations/" + second), 200)["existing_account"] == true);
    api_test::problem_of(accept(service, second, {{"name", "Someone Else"}, {"password", "another passphrase"}}), 401);
    SignedInClient joined(service, accept(service, second, {{"password", "the first passphrase"}}));
    CHECK(joined.session()["user"]["name"] == "Twice Invited");
    CHECK(joined.session()["memberships"].size() == 2);
}

TEST_CASE("inviting someone else's account shows nothing of it beyond the address typed") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient acme_admin(service, "admin@acme.example");
    json created = api_test::json_of(acme_admin.invite("acme-prod", {{"email", "admin@globex.example"}}), 201);
    CHECK(created["user"]["email"] == "admin@globex.example");
    CHECK(created["user"]["name"].is_null());
    CHECK(created["user"]["last_sign_in_at"].is_null());
    const std::string id = std::to_string(created["user"]["id"].get<int64_t>());

    json details = api_test::json_of(acme_admin.get(acme_users + "/" + id), 200);
    CHECK(details["name"].is_null());
    CHECK(details["last_sign_in_at"].is_null());
    json listed = api_test::json_of(acme_admin.get(acme_users + "?q=globex"), 200);
    REQUIRE(listed["items"].size() == 1);
    CHECK(listed["items"][0]["name"].is_null());
    CHECK(listed["items"][0]["last_sign_in_at"].is_null());
    // Nor does a search by the name find the address.
    CHECK(api_test::json_of(acme_admin.get(acme_users + "?q=Lindqvist"), 200)["total"] == 0);

    SUBCASE("once they joined: their name, and their sign-ins while they are a member") {
        const std::string token = api_test::token_of_link(api_test::newest_mail_to(service, "admin@globex.example")["link"]);
        SignedInClient joined(service, accept(service, token, {{"password", api_test::demo_password}}));
        details = api_test::json_of(acme_admin.get(acme_users + "/" + id), 200);
        CHECK(details["name"] == "Gustav Lindqvist");
        CHECK(details["last_sign_in_at"].is_string());
        CHECK(api_test::json_of(acme_admin.get(acme_users + "?q=Lindqvist"), 200)["total"] == 1);

        json revoked = api_test::json_of(acme_admin.post(acme_users + "/" + id + "/revoke", json::object()), 200);
        CHECK(revoked["name"] == "Gustav Lindqvist");
        CHECK(revoked["last_sign_in_at"].is_null());   // their sign-ins since are another tenant's
    }
}

TEST_CASE("failures from one address do not lock out the others behind it") {
    ServiceProcess service(api_test::demo_service());
    for (const char* email : {"admin@acme.example", "nobody@acme.example", "admin@globex.example", "x@y.example", "lee.chen@acme.example"})
        api_test::problem_of(api_test::sign_in(service, email, "wrong password"), 401);
    SignedInClient colleague(service, "sam.taylor@acme.example");

    SUBCASE("a source guessing many accounts stops at 30 failures; other sources go on") {
        for (int i = 6; i <= 30; i++)
            api_test::problem_of(api_test::sign_in(service, "guess" + std::to_string(i) + "@acme.example", "wrong password"), 401);
        api_test::problem_of(api_test::sign_in(service, "sam.taylor@acme.example", api_test::demo_password), 429);
        api_test::json_of(sign_in_from(service, "127.0.0.2", "sam.taylor@acme.example", api_test::demo_password), 200);
    }
}

TEST_CASE("five wrong passwords stop the guesser, not the account's owner elsewhere") {
    ServiceProcess service(api_test::demo_service());
    for (int attempt = 1; attempt <= 5; attempt++)
        api_test::problem_of(sign_in_from(service, "127.0.0.2", "admin@acme.example", "guess " + std::to_string(attempt)), 401);
    api_test::problem_of(sign_in_from(service, "127.0.0.2", "admin@acme.example", api_test::demo_password), 429);
    api_test::json_of(sign_in_from(service, "127.0.0.1", "admin@acme.example", api_test::demo_password), 200);
}

TEST_CASE("guessing one account from many addresses is slowed; its owner at a known address is not") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient earlier(service, "admin@acme.example");   // from 127.0.0.1, now a known address
    for (int source = 2; source <= 11; source++)
        api_test::problem_of(sign_in_from(service, "127.0.0." + std::to_string(source), "admin@acme.example", "guess"), 401);

    httplib::Result slowed = sign_in_from(service, "127.0.0.12", "admin@acme.example", "guess");
    api_test::problem_of(slowed, 429);
    const int wait = std::stoi(slowed->get_header_value("Retry-After"));
    CHECK(wait >= 1);
    CHECK(wait <= 5);   // slowed: the first pause over the account's budget
    SignedInClient owner(service, "admin@acme.example");

    SUBCASE("after the pause the next guess is let through, and counted") {
        api_test::run_sql(service.database_path(), "UPDATE sign_in_failures SET at = at - 61");
        api_test::problem_of(sign_in_from(service, "127.0.0.12", "admin@acme.example", "guess"), 401);
        api_test::problem_of(sign_in_from(service, "127.0.0.13", "admin@acme.example", "guess"), 429);
    }
}

TEST_CASE("an over-long e-mail given to sign-in is refused before anything is stored") {
    ServiceProcess service(api_test::demo_service());
    const std::string huge = std::string(500 * 1024, 'a') + "@example.com";
    httplib::Result result = api_test::sign_in(service, huge, "some password");
    api_test::problem_of(result, 400);
    CHECK(api_test::parse_json(result->body)["errors"]["email"].get<std::string>().find("254") != std::string::npos);
    CHECK(api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM sign_in_failures") == 0);
    CHECK(api_test::query_number(service.database_path(), "SELECT COALESCE(MAX(length(email)), 0) FROM sign_in_failures") == 0);
}

TEST_CASE("the anonymous health answer never shows SQLite's words") {
    ServiceProcess service;
    api_test::json_of(service.client().Get("/api/v1/health"), 200);
    api_test::run_sql(service.database_path(), "ALTER TABLE schema_migrations RENAME TO schema_migrations_gone");
    json health = api_test::json_of(service.client().Get("/api/v1/health"), 503);
    CHECK(health["status"] == "degraded");
    CHECK(health["database"] == "error");
    CHECK(health.dump().find("schema_migrations") == std::string::npos);
    CHECK(service.process().wait_for_stderr("no such table: schema_migrations", std::chrono::seconds(2)));
}

TEST_CASE("a message given up on keeps no link in the outbox") {
    api_test::FakeSmtpServer smtp(2);
    api_test::ServiceOptions options;
    options.extra_args = {"--smtp", "127.0.0.1:" + std::to_string(smtp.port())};
    ServiceProcess service(options);
    api_test::add_member(service.database_path(), "boss@acme.example", "boss password 1", "acme", "admin");
    SignedInClient admin(service, "boss@acme.example", "boss password 1");
    api_test::json_of(admin.invite("acme", {{"email", "unreachable@example.org"}}), 201);
    CHECK(service.process().wait_for_stderr("attempt 1 of 10", std::chrono::seconds(10)));
    // Nine tries behind it and the next one due: that one is the last.
    api_test::run_sql(service.database_path(), "UPDATE outbox SET attempts = 9, next_attempt_at = 0");
    api_test::ServiceOptions again = options;
    again.database_path = service.database_path();
    service.stop();
    ServiceProcess restarted(again);
    CHECK(restarted.process().wait_for_stderr("attempt 10 of 10", std::chrono::seconds(10)));
    CHECK(api_test::query_number(restarted.database_path(), "SELECT COUNT(*) FROM outbox WHERE status = 'failed'") == 1);
    CHECK(api_test::query_number(restarted.database_path(), "SELECT COUNT(*) FROM outbox WHERE link != '' OR body != ''") == 0);
}
