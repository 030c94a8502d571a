// Signing in and out, the session cookie, expiry, throttling, CSRF and the
// Origin check, and that nothing but the open endpoints answers without a
// session. Nothing here depends on how fast the tests run: times are moved
// in the database, never waited for.
#include "signed_in_client.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <set>

using api_test::ServiceProcess;
using api_test::SignedInClient;
using nlohmann::json;

namespace {

std::set<std::string> keys_of(const json& object) {
    std::set<std::string> keys;
    for (auto it = object.begin(); it != object.end(); ++it) keys.insert(it.key());
    return keys;
}

httplib::Result get_with_cookie(const ServiceProcess& service, const std::string& path, const std::string& cookie) {
    httplib::Client client = service.client();
    return client.Get(path, {{"Cookie", "portal_session=" + cookie}});
}

}  // namespace

TEST_CASE("signing in answers with the user, their memberships, a CSRF token and the session cookie") {
    ServiceProcess service(api_test::demo_service());
    httplib::Result result = api_test::sign_in(service, "  Admin@ACME.example ", api_test::demo_password);
    json session = api_test::json_of(result, 200);
    CHECK(keys_of(session) == std::set<std::string>{"user", "memberships", "csrf_token"});
    CHECK(keys_of(session["user"]) == std::set<std::string>{"id", "email", "name"});
    CHECK(session["user"]["email"] == "admin@acme.example");
    CHECK(session["user"]["name"] == "Amara Okafor");
    CHECK(session["user"]["id"].is_number_integer());
    CHECK(session["memberships"] == json::array({{{"tenant", "acme-prod"}, {"tenant_name", "Acme (production)"}, {"role", "admin"},
                                                  {"plan", "enterprise"}, {"trial_ends_at", nullptr}, {"region", "eu"}}}));
    CHECK(session["csrf_token"].get<std::string>().size() >= 43);

    SUBCASE("the cookie is HttpOnly, SameSite=Strict, for the whole site, and holds a 256-bit token") {
        std::string header = result->get_header_value("Set-Cookie");
        INFO(header);
        CHECK(header.starts_with("portal_session="));
        CHECK(header.find("; HttpOnly") != std::string::npos);
        CHECK(header.find("; SameSite=Strict") != std::string::npos);
        CHECK(header.find("; Path=/") != std::string::npos);
        CHECK(header.find("Secure") == std::string::npos);   // served over plain http here
        std::optional<std::string> token = api_test::session_cookie_of(result);
        REQUIRE(token);
        CHECK(token->size() == 43);   // 32 bytes as unpadded base64url
    }

    SUBCASE("the database keeps only a digest of the session token") {
        std::string token = *api_test::session_cookie_of(result);
        CHECK(api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM sessions") == 1);
        CHECK(api_test::query_number(service.database_path(),
                                     "SELECT COUNT(*) FROM sessions WHERE token_digest = '" + token + "'") == 0);
        CHECK(api_test::query_number(service.database_path(), "SELECT length(token_digest) FROM sessions") == 64);
    }

    SUBCASE("GET /session answers the same while signed in") {
        SignedInClient admin(service, "admin@acme.example");
        json again = api_test::json_of(admin.get("/api/v1/session"), 200);
        CHECK(again == admin.session());
    }

    SUBCASE("a user of two tenants has both, and the tenants list says the same") {
        SignedInClient owner(service, "owner@multi.example");
        // Each tenant with its plan, trial end and region: what the portal shows before a form.
        json expected = json::array({{{"tenant", "acme-prod"}, {"tenant_name", "Acme (production)"}, {"role", "admin"}},
                                     {{"tenant", "globex-dev"}, {"tenant_name", "Globex (development)"}, {"role", "admin"}}});
        expected[0].update({{"plan", "enterprise"}, {"trial_ends_at", nullptr}, {"region", "eu"}});
        expected[1].update({{"plan", "standard"}, {"trial_ends_at", nullptr}, {"region", "americas"}});
        CHECK(owner.session()["memberships"] == expected);
        CHECK(api_test::json_of(owner.get("/api/v1/tenants"), 200) == json{{"items", expected}});
        SignedInClient engineer(service, "engineer@vendor.example");
        for (const json& membership : engineer.session()["memberships"]) CHECK(membership["role"] == "support_engineer");
        CHECK(engineer.session()["memberships"].size() == 4);
    }
}

TEST_CASE("a wrong password and an unknown e-mail get the same 401") {
    ServiceProcess service(api_test::demo_service());
    httplib::Result wrong = api_test::sign_in(service, "admin@acme.example", "not-the-password");
    httplib::Result unknown = api_test::sign_in(service, "nobody@acme.example", "not-the-password");
    CHECK(api_test::problem_of(wrong, 401) == "E-mail or password is wrong.");
    CHECK(api_test::problem_of(unknown, 401) == "E-mail or password is wrong.");
    CHECK(wrong->body == unknown->body);
    CHECK(!api_test::session_cookie_of(wrong));
    CHECK(!api_test::session_cookie_of(unknown));

    SUBCASE("missing fields are named") {
        httplib::Client client = service.client();
        httplib::Result result = client.Post("/api/v1/session", R"({"email": ""})", "application/json");
        api_test::problem_of(result, 400);
        json problem = api_test::parse_json(result->body);
        CHECK(problem["errors"]["email"].is_string());
        CHECK(problem["errors"]["password"].is_string());
        api_test::problem_of(client.Post("/api/v1/session", "not json", "application/json"), 400);
    }
}

TEST_CASE("after 5 failed sign-ins for an account the next ones get 429 with Retry-After") {
    ServiceProcess service(api_test::demo_service());
    for (int attempt = 1; attempt <= 5; attempt++) {
        CAPTURE(attempt);
        api_test::problem_of(api_test::sign_in(service, "admin@acme.example", "guess-" + std::to_string(attempt)), 401);
    }
    for (const char* password : {"guess-6", api_test::demo_password}) {
        CAPTURE(password);   // even the right password waits: the guesser must not learn it was right
        httplib::Result result = api_test::sign_in(service, "admin@acme.example", password);
        std::string detail = api_test::problem_of(result, 429);
        CHECK(detail.find("Try again in") != std::string::npos);
        int retry_after = std::stoi(result->get_header_value("Retry-After"));
        CHECK(retry_after > 0);
        CHECK(retry_after <= 15 * 60);
        CHECK(!api_test::session_cookie_of(result));
    }

    SUBCASE("the window passing lets the account in again") {
        api_test::run_sql(service.database_path(), "UPDATE sign_in_failures SET at = at - 901");
        SignedInClient admin(service, "admin@acme.example");
    }
}

// Failures from one address over many accounts: account_takeover_test.cpp.

TEST_CASE("a successful sign-in clears the account's failures from that address") {
    ServiceProcess service(api_test::demo_service());
    // Four failures, a success, four more: never five in a row for the account.
    for (int i = 0; i < 4; i++) api_test::problem_of(api_test::sign_in(service, "admin@acme.example", "wrong"), 401);
    SignedInClient first(service, "admin@acme.example");
    for (int i = 0; i < 4; i++) api_test::problem_of(api_test::sign_in(service, "admin@acme.example", "wrong"), 401);
    SignedInClient second(service, "admin@acme.example");
}

TEST_CASE("signing out ends the session and clears the cookie") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient admin(service, "admin@acme.example");
    httplib::Result result = admin.remove("/api/v1/session");
    REQUIRE(result);
    CHECK(result->status == 204);
    CHECK(result->body.empty());
    CHECK(result->get_header_value("Cache-Control") == "no-store");   // an answer with no body is not kept either
    std::string cookie = result->get_header_value("Set-Cookie");
    CHECK(cookie.starts_with("portal_session=;"));
    CHECK(cookie.find("Max-Age=0") != std::string::npos);
    CHECK(api_test::problem_of(admin.get("/api/v1/session"), 401) == "Sign in to continue.");
    CHECK(api_test::problem_of(admin.get("/api/v1/tickets"), 401) == "Sign in to continue.");
}

TEST_CASE("sessions end after 12 idle hours and 7 days in all") {
    ServiceProcess service(api_test::demo_service());
    const std::filesystem::path& database = service.database_path();
    SignedInClient admin(service, "admin@acme.example");

    SUBCASE("11 idle hours are fine, and a request starts the idle time again") {
        api_test::run_sql(database, "UPDATE sessions SET last_seen_at = last_seen_at - 11 * 3600");
        api_test::json_of(admin.get("/api/v1/session"), 200);
        CHECK(api_test::query_number(database, "SELECT strftime('%s', 'now') - last_seen_at FROM sessions") < 600);
    }
    SUBCASE("12 idle hours end it") {
        api_test::run_sql(database, "UPDATE sessions SET last_seen_at = last_seen_at - 12 * 3600");
        httplib::Result result = admin.get("/api/v1/session");
        CHECK(api_test::problem_of(result, 401) == "Sign in to continue.");
        CHECK(result->get_header_value("Set-Cookie").find("Max-Age=0") != std::string::npos);
    }
    SUBCASE("7 days after sign-in it ends however busy it was") {
        api_test::run_sql(database, "UPDATE sessions SET created_at = created_at - 7 * 24 * 3600");
        api_test::problem_of(admin.get("/api/v1/tickets"), 401);
    }
    SUBCASE("a made-up cookie is no session") {
        api_test::problem_of(get_with_cookie(service, "/api/v1/session", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), 401);
    }
}

TEST_CASE("state-changing requests need the session's CSRF token") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient admin(service, "admin@acme.example");
    const std::string invite = "/api/v1/tenants/acme-prod/support-users";
    const httplib::Headers key = {{"Idempotency-Key", "csrf-test"}};
    const json body = {{"email", "csrf@example.com"}};

    CHECK(api_test::problem_of(admin.post_without_csrf(invite, body, key), 403) == "Missing or wrong CSRF token.");
    httplib::Headers wrong = key;
    wrong.emplace("X-CSRF-Token", "wrong-token");
    CHECK(api_test::problem_of(admin.post_without_csrf(invite, body, wrong), 403) == "Missing or wrong CSRF token.");

    SUBCASE("another session's token is wrong too") {
        SignedInClient other(service, "admin@acme.example");
        httplib::Headers others = key;
        others.emplace("X-CSRF-Token", other.csrf_token());
        api_test::problem_of(admin.post_without_csrf(invite, body, others), 403);
    }
    SUBCASE("signing out needs it as well") {
        httplib::Client client = service.client();
        api_test::problem_of(client.Delete("/api/v1/session", {{"Cookie", "portal_session=" + admin.cookie()}}), 403);
        api_test::json_of(admin.get("/api/v1/session"), 200);
    }
    SUBCASE("with the token it goes through") {
        api_test::json_of(admin.post(invite, body, key), 201);
    }
    SUBCASE("reading needs no token") {
        api_test::json_of(admin.get(invite), 200);
    }
}

TEST_CASE("state-changing requests from another site's page are refused") {
    ServiceProcess service(api_test::demo_service());
    httplib::Client client = service.client();
    const std::string body = json{{"email", "admin@acme.example"}, {"password", api_test::demo_password}}.dump();
    const std::string own = "http://127.0.0.1:" + std::to_string(service.port());

    for (const char* origin : {"https://evil.example", "null", "http://127.0.0.1:1"}) {
        CAPTURE(origin);
        httplib::Result result = client.Post("/api/v1/session", {{"Origin", origin}}, body, "application/json");
        CHECK(api_test::problem_of(result, 403).find("Origin") != std::string::npos);
        CHECK(!api_test::session_cookie_of(result));
        api_test::problem_of(client.Post("/api/v1/invitations/some-token/accept", {{"Origin", origin}}, "{}", "application/json"), 403);
    }
    api_test::json_of(client.Post("/api/v1/session", {{"Origin", own}}, body, "application/json"), 200);
    // The same port on this machine by another name is the same portal.
    const std::string localhost = "http://localhost:" + std::to_string(service.port());
    api_test::json_of(client.Post("/api/v1/session", {{"Origin", localhost}}, body, "application/json"), 200);

    SUBCASE("with a session too, even with the right CSRF token") {
        SignedInClient admin(service, "admin@acme.example");
        api_test::problem_of(admin.post("/api/v1/tenants/acme-prod/support-users", {{"email", "o@example.com"}},
                                        {{"Idempotency-Key", "origin"}, {"Origin", "https://evil.example"}}),
                             403);
    }
    SUBCASE("--public-url names the origin (and makes the cookie Secure when https)") {
        api_test::ServiceOptions options = api_test::demo_service();
        options.extra_args.push_back("--public-url");
        options.extra_args.push_back("https://Support.Example.com/");
        ServiceProcess behind_proxy(options);
        httplib::Client proxied = behind_proxy.client();
        httplib::Result result = proxied.Post("/api/v1/session", {{"Origin", "https://support.example.com"}}, body, "application/json");
        api_test::json_of(result, 200);
        CHECK(result->get_header_value("Set-Cookie").find("; Secure") != std::string::npos);
        api_test::problem_of(proxied.Post("/api/v1/session", {{"Origin", "http://support.example.com"}}, body, "application/json"), 403);
    }
}

TEST_CASE("every endpoint but the open ones needs a session") {
    ServiceProcess service(api_test::demo_service());
    httplib::Client client = service.client();
    struct Call {
        const char* method;
        const char* path;
    };
    const Call protected_calls[] = {
        {"GET", "/api/v1/session"},
        {"DELETE", "/api/v1/session"},
        {"GET", "/api/v1/tenants"},
        {"GET", "/api/v1/tenants/acme-prod/support-users"},
        {"GET", "/api/v1/tenants/acme-prod/support-users?q=sam"},
        {"POST", "/api/v1/tenants/acme-prod/support-users"},
        {"GET", "/api/v1/tenants/acme-prod/support-users/5"},
        {"POST", "/api/v1/tenants/acme-prod/support-users/5/revoke"},
        {"GET", "/api/v1/tenants/acme-prod/audit"},
        {"GET", "/api/v1/tenants/no-such-tenant/support-users"},
        {"GET", "/api/v1/tickets"},
        {"GET", "/api/v1/tickets/T-1001"},
        {"GET", "/api/v1/tickets/T-999999"},
    };
    for (const Call& call : protected_calls) {
        CAPTURE(call.method);
        CAPTURE(call.path);
        httplib::Result result = std::string(call.method) == "GET"      ? client.Get(call.path)
                                 : std::string(call.method) == "DELETE" ? client.Delete(call.path)
                                                                        : client.Post(call.path, "{}", "application/json");
        CHECK(api_test::problem_of(result, 401) == "Sign in to continue.");
    }

    SUBCASE("the open ones answer without") {
        CHECK(client.Get("/api/v1/health")->status == 200);
        CHECK(client.Get("/api/v1/program")->status == 200);
        CHECK(client.Get("/api/v1/dev/mailbox")->status == 200);
        api_test::problem_of(client.Get("/api/v1/invitations/unknown-token"), 404);
        api_test::problem_of(client.Post("/api/v1/invitations/unknown-token/accept", "{}", "application/json"), 404);
        api_test::problem_of(client.Get("/api/v1/password-resets/unknown-token"), 404);
        api_test::problem_of(client.Post("/api/v1/password-resets/unknown-token", "{}", "application/json"), 404);
        api_test::problem_of(api_test::sign_in(service, "admin@acme.example", "wrong"), 401);
    }
    SUBCASE("unknown paths and methods are told apart before the session") {
        api_test::problem_of(client.Get("/api/v1/tenants/acme-prod/nothing"), 404);
        httplib::Result put = client.Put("/api/v1/session", "{}", "application/json");
        api_test::problem_of(put, 405);
        CHECK(put->get_header_value("Allow") == "POST, GET, HEAD, DELETE");
    }
}

TEST_CASE("the dev mailbox exists only with --demo") {
    ServiceProcess service;
    httplib::Client client = service.client();
    api_test::problem_of(client.Get("/api/v1/dev/mailbox"), 404);
}
