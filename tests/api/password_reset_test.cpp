// "Forgot password?" against the service: the same answer for known and
// unknown addresses, a single-use link that expires, a reset that ends
// every other session, throttling per e-mail and per client address, and no
// token in the database or the log. Times are moved in the database, never
// waited for.
#include "signed_in_client.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using api_test::ServiceProcess;
using api_test::SignedInClient;
using nlohmann::json;

namespace {

httplib::Result ask(const ServiceProcess& service, const std::string& email) {
    return service.client().Post("/api/v1/password-resets", json{{"email", email}}.dump(), "application/json");
}

// Reset links in the dev mailbox for `email` (the demo invited some people too).
int64_t mails_to(const ServiceProcess& service, const std::string& email) {
    httplib::Client client = service.client();
    json mailbox = api_test::json_of(client.Get("/api/v1/dev/mailbox"), 200);
    int64_t count = 0;
    for (const json& message : mailbox["messages"])
        count += message["to"] == email && message["link"].get<std::string>().find("/#/reset-password/") != std::string::npos;
    return count;
}

std::string reset_token_of(const json& mail) {
    const std::string link = mail["link"].get<std::string>();
    const std::string marker = "/#/reset-password/";
    const size_t at = link.find(marker);
    REQUIRE_MESSAGE(at != std::string::npos, "not a reset link: ", link);
    return link.substr(at + marker.size());
}

httplib::Result reset(const ServiceProcess& service, const std::string& token, const std::string& password) {
    return service.client().Post("/api/v1/password-resets/" + token, json{{"password", password}}.dump(), "application/json");
}

}  // namespace

TEST_CASE("asking for a link answers the same whether or not the address can sign in; only an account that can gets mail") {
    ServiceProcess service(api_test::demo_service());
    const json known = api_test::json_of(ask(service, " Admin@ACME.example "), 202);
    CHECK(known == json{{"email", "admin@acme.example"}, {"link_lifetime_minutes", 60}});
    for (const char* other : {"nobody@acme.example", "jordan.blake@acme.example", "pending.user@globex.example"}) {
        CAPTURE(other);
        const json answer = api_test::json_of(ask(service, other), 202);
        CHECK(answer == json{{"email", other}, {"link_lifetime_minutes", 60}});
    }
    // Unknown, revoked everywhere, never joined: nothing sent.
    CHECK(mails_to(service, "nobody@acme.example") == 0);
    CHECK(mails_to(service, "jordan.blake@acme.example") == 0);
    CHECK(mails_to(service, "pending.user@globex.example") == 0);
    CHECK(mails_to(service, "admin@acme.example") == 1);

    const json mail = api_test::newest_mail_to(service, "admin@acme.example");
    CHECK(mail["subject"] == "Choose a new password for Support Portal");
    const std::string token = reset_token_of(mail);
    CHECK(token.size() == 43);
    CHECK(mail["body"].get<std::string>().find(mail["link"].get<std::string>()) != std::string::npos);
    CHECK(mail["body"].get<std::string>().find("ignore this message") != std::string::npos);
    CHECK(api_test::query_number(service.database_path(),
                                 "SELECT COUNT(*) FROM password_resets WHERE token_digest = '" + token + "'") == 0);

    SUBCASE("bad requests are told what is wrong") {
        api_test::problem_of(service.client().Post("/api/v1/password-resets", "not json", "application/json"), 400);
        httplib::Result missing = service.client().Post("/api/v1/password-resets", "{}", "application/json");
        api_test::problem_of(missing, 400);
        CHECK(api_test::parse_json(missing->body)["errors"]["email"].is_string());
        httplib::Result wrong = ask(service, "not an address");
        api_test::problem_of(wrong, 400);
        CHECK(api_test::parse_json(wrong->body)["errors"]["email"].is_string());
        httplib::Result foreign = service.client().Post("/api/v1/password-resets", {{"Origin", "https://evil.example"}},
                                                        json{{"email", "admin@acme.example"}}.dump(), "application/json");
        api_test::problem_of(foreign, 403);
        CHECK(mails_to(service, "admin@acme.example") == 1);
    }
}

TEST_CASE("the link sets a new password once, signs in, and ends every other session") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient elsewhere(service, "sam.taylor@acme.example");
    api_test::json_of(ask(service, "sam.taylor@acme.example"), 202);
    const std::string older = reset_token_of(api_test::newest_mail_to(service, "sam.taylor@acme.example"));
    api_test::json_of(ask(service, "sam.taylor@acme.example"), 202);
    const std::string token = reset_token_of(api_test::newest_mail_to(service, "sam.taylor@acme.example"));
    REQUIRE(token != older);

    httplib::Client client = service.client();
    const json link = api_test::json_of(client.Get("/api/v1/password-resets/" + token), 200);
    CHECK(link["email"] == "sam.taylor@acme.example");
    CHECK(link["expires_at"].is_string());

    // The invitation's rules: a short password is refused and the link stays usable.
    httplib::Result short_one = reset(service, token, "too short");
    api_test::problem_of(short_one, 400);
    CHECK(api_test::parse_json(short_one->body)["errors"]["password"].get<std::string>().find("at least 12 characters") !=
          std::string::npos);
    api_test::json_of(client.Get("/api/v1/password-resets/" + token), 200);

    httplib::Result done = reset(service, token, "a brand new passphrase");
    SignedInClient here(service, done);
    CHECK(here.session()["user"]["email"] == "sam.taylor@acme.example");
    CHECK(here.get("/api/v1/session")->status == 200);
    CHECK(api_test::problem_of(elsewhere.get("/api/v1/session"), 401) == "Sign in to continue.");
    api_test::problem_of(api_test::sign_in(service, "sam.taylor@acme.example", api_test::demo_password), 401);
    api_test::json_of(api_test::sign_in(service, "sam.taylor@acme.example", "a brand new passphrase"), 200);

    // Used up, and so is the older link sent before it.
    CHECK(api_test::problem_of(client.Get("/api/v1/password-resets/" + token), 410).find("used") != std::string::npos);
    CHECK(api_test::problem_of(reset(service, token, "another new passphrase"), 410).find("used") != std::string::npos);
    CHECK(api_test::problem_of(reset(service, older, "another new passphrase"), 410).find("used") != std::string::npos);
    api_test::json_of(api_test::sign_in(service, "sam.taylor@acme.example", "a brand new passphrase"), 200);

    // Tokens never reach the log.
    CHECK(service.process().wait_for_stderr("POST /api/v1/password-resets/[token] 200", std::chrono::seconds(2)));
    CHECK(service.process().stderr_text().find(token) == std::string::npos);
    api_test::problem_of(client.Get("/api/v1/password-resets/no-such-token"), 404);
}

TEST_CASE("a link expires after an hour") {
    ServiceProcess service(api_test::demo_service());
    api_test::json_of(ask(service, "admin@globex.example"), 202);
    const std::string token = reset_token_of(api_test::newest_mail_to(service, "admin@globex.example"));
    CHECK(api_test::query_number(service.database_path(), "SELECT expires_at - created_at FROM password_resets") == 3600);
    api_test::run_sql(service.database_path(), "UPDATE password_resets SET created_at = created_at - 3601, expires_at = expires_at - 3601");
    CHECK(api_test::problem_of(service.client().Get("/api/v1/password-resets/" + token), 410).find("expired") != std::string::npos);
    CHECK(api_test::problem_of(reset(service, token, "a brand new passphrase"), 410).find("expired") != std::string::npos);
    api_test::json_of(api_test::sign_in(service, "admin@globex.example", api_test::demo_password), 200);
}

TEST_CASE("requests are throttled per e-mail address and per client address, known or not") {
    ServiceProcess service(api_test::demo_service());
    for (const char* email : {"admin@hooli.example", "nobody@hooli.example"}) {
        CAPTURE(email);
        for (int i = 0; i < 3; i++) api_test::json_of(ask(service, email), 202);
        httplib::Result fourth = ask(service, email);
        CHECK(api_test::problem_of(fourth, 429).find("Too many links") != std::string::npos);
        const int retry_after = std::stoi(fourth->get_header_value("Retry-After"));
        CHECK(retry_after > 3500);
        CHECK(retry_after <= 3600);
    }
    CHECK(mails_to(service, "admin@hooli.example") == 3);

    // An hour later the address may ask again.
    api_test::run_sql(service.database_path(), "UPDATE password_reset_requests SET at = at - 3601");
    api_test::json_of(ask(service, "admin@hooli.example"), 202);
    CHECK(mails_to(service, "admin@hooli.example") == 4);

    // One client asking for many addresses stops at 20 an hour.
    api_test::run_sql(service.database_path(), "DELETE FROM password_reset_requests");
    for (int i = 0; i < 20; i++) api_test::json_of(ask(service, "person" + std::to_string(i) + "@spray.example"), 202);
    api_test::problem_of(ask(service, "admin@initech.example"), 429);
    CHECK(mails_to(service, "admin@initech.example") == 0);
}
