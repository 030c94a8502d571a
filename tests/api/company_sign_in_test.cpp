// Starting company sign-ins against the service, with a provider whose
// discovery document a server in this test answers on loopback (the whole
// flow against a certified provider is tests/e2e/company_sign_in.test.mjs).
// Here: one client address may have ten sign-ins waiting, the eleventh is
// told how long to wait, and an expired or finished one frees its place.
// Times are moved in the database, never waited for.
#include "signed_in_client.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using api_test::ServiceProcess;
using nlohmann::json;

namespace {

// Answers only the discovery document: starting a sign-in needs no more.
class DiscoveryServer {
public:
    DiscoveryServer() {
        server_.Get("/.well-known/openid-configuration", [this](const httplib::Request&, httplib::Response& response) {
            response.set_content(json{{"issuer", issuer()},
                                      {"authorization_endpoint", issuer() + "/authorize"},
                                      {"token_endpoint", issuer() + "/token"},
                                      {"jwks_uri", issuer() + "/jwks"},
                                      {"response_types_supported", {"code"}}}
                                     .dump(),
                                 "application/json");
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        REQUIRE(port_ > 0);   // bound: connections wait in the backlog until it listens
        thread_ = std::thread([this] { server_.listen_after_bind(); });
    }
    ~DiscoveryServer() {
        server_.stop();
        thread_.join();
    }
    std::string issuer() const { return "http://127.0.0.1:" + std::to_string(port_); }

private:
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
};

httplib::Result start(const ServiceProcess& service, const std::string& email) {
    return service.client().Post("/api/v1/sso/start", json{{"email", email}}.dump(), "application/json");
}

}  // namespace

TEST_CASE("one client address may have ten company sign-ins waiting; the eleventh is told how long to wait") {
    DiscoveryServer provider;
    ServiceProcess service(api_test::demo_service());
    api_test::TempFolder folder;
    api_test::write_file(folder.path() / "secret", "a-client-secret\n");
    const api_test::FinishedRun saved =
        api_test::run_admin(service, {"tenant", "sso", "globex-dev", "--issuer", provider.issuer(), "--client-id", "portal",
                                      "--client-secret-file", (folder.path() / "secret").string(), "--domains", "sso.globex.example"});
    REQUIRE_MESSAGE(saved.exit_code == 0, saved.err);

    for (int i = 0; i < 10; i++) {
        CAPTURE(i);
        const json started = api_test::json_of(start(service, "pat@sso.globex.example"), 200);
        CHECK(started["authorization_url"].get<std::string>().rfind(provider.issuer() + "/authorize?", 0) == 0);
    }
    httplib::Result eleventh = start(service, "pat@sso.globex.example");
    CHECK(api_test::problem_of(eleventh, 429).find("Too many company sign-ins") != std::string::npos);
    const int retry_after = std::stoi(eleventh->get_header_value("Retry-After"));
    CHECK(retry_after > 590);
    CHECK(retry_after <= 600);
    // Another company's address from the same client is told the same: the
    // client, not the address typed, is counted.
    api_test::problem_of(start(service, "pat@nowhere.example"), 429);
    CHECK(api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM sso_attempts") == 10);

    // The oldest expires: one place is free again, and only one.
    api_test::run_sql(service.database_path(),
                      "UPDATE sso_attempts SET expires_at = expires_at - 601 WHERE id = (SELECT MIN(id) FROM sso_attempts)");
    httplib::Result last = start(service, "pat@sso.globex.example");
    const std::string url = api_test::json_of(last, 200)["authorization_url"];
    api_test::problem_of(start(service, "pat@sso.globex.example"), 429);

    // A sign-in that comes back (here refused by the person at the provider)
    // frees its place too.
    const size_t state_at = url.find("&state=") + 7;
    const std::string state = url.substr(state_at, url.find('&', state_at) - state_at);
    const std::string cookie = last->get_header_value("Set-Cookie");
    httplib::Result back = service.client().Get("/api/v1/sso/callback?error=access_denied&state=" + state,
                                                {{"Cookie", cookie.substr(0, cookie.find(';'))}});
    REQUIRE(back);
    CHECK(back->status == 303);
    CHECK(back->get_header_value("Location").find("#/sign-in/company/provider-refused") != std::string::npos);
    api_test::json_of(start(service, "pat@sso.globex.example"), 200);
}
