// Invitation e-mail through the outbox: sent by SMTP with --smtp, kept in
// the outbox (and said so in the log) with neither --smtp nor --demo.
#include "fake_smtp_server.hpp"
#include "signed_in_client.hpp"

#include <doctest/doctest.h>
#include <cstdlib>
#include <nlohmann/json.hpp>

using api_test::ServiceProcess;
using api_test::SignedInClient;
using nlohmann::json;

namespace {

// An admin of "acme" in a service started without the demo accounts.
SignedInClient add_admin(const ServiceProcess& service) {
    api_test::add_member(service.database_path(), "boss@acme.example", "boss password 1", "acme", "admin");
    return SignedInClient(service, "boss@acme.example", "boss password 1");
}

}  // namespace

TEST_CASE("with --smtp the invitation goes to the mail server, with the public URL in its link") {
    api_test::FakeSmtpServer smtp;
    api_test::ServiceOptions options;
    options.extra_args = {"--smtp", "127.0.0.1:" + std::to_string(smtp.port()), "--mail-from", "Portal@Support.Example.com",
                          "--public-url", "https://support.example.com/portal/"};
    ServiceProcess service(options);
    SignedInClient admin = add_admin(service);
    json created = api_test::json_of(admin.invite("acme", {{"email", "invitee@example.org"}}), 201);

    std::optional<api_test::ReceivedMail> mail = smtp.wait_for_mail(std::chrono::seconds(10));
    INFO("portal-web stderr: ", service.process().stderr_text());
    REQUIRE(mail);
    CHECK(mail->from == "portal@support.example.com");
    CHECK(mail->to == "invitee@example.org");
    CHECK(mail->hello == "support.example.com");
    CHECK(mail->data.find("To: invitee@example.org\r\n") != std::string::npos);
    CHECK(mail->data.find("Subject: You are invited to acme (test) on Support Portal\r\n") != std::string::npos);
    CHECK(mail->data.find("Content-Type: text/plain; charset=utf-8\r\n") != std::string::npos);
    CHECK(mail->data.find("\r\nDate: ") != std::string::npos);
    CHECK(mail->data.find("\r\nMessage-ID: <") != std::string::npos);
    const std::string link_start = "https://support.example.com/portal/#/invitation/";
    size_t link = mail->data.find(link_start);
    REQUIRE(link != std::string::npos);
    std::string token = mail->data.substr(link + link_start.size(), 43);

    // The link works, and the outbox no longer holds it once the delivery is recorded.
    CHECK(service.process().wait_for_stderr("mail: sent \"You are invited to acme (test) on Support Portal\" to invitee@example.org",
                                            std::chrono::seconds(10)));
    httplib::Client client = service.client();
    CHECK(api_test::json_of(client.Get("/api/v1/invitations/" + token), 200)["email"] == "invitee@example.org");
    CHECK(api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM outbox WHERE status = 'sent' AND link = ''") == 1);
    CHECK(api_test::problem_of(client.Get("/api/v1/dev/mailbox"), 404).find("/api/v1/dev/mailbox") != std::string::npos);
}

TEST_CASE("a mail server that says 'try later' gets the message again later") {
    api_test::FakeSmtpServer smtp(1);
    api_test::ServiceOptions options;
    options.extra_args = {"--smtp", "127.0.0.1:" + std::to_string(smtp.port())};
    ServiceProcess service(options);
    SignedInClient admin = add_admin(service);
    api_test::json_of(admin.invite("acme", {{"email", "retry@example.org"}}), 201);
    CHECK(service.process().wait_for_stderr("attempt 1 of 10", std::chrono::seconds(10)));
    CHECK(smtp.refused() == 1);
    // The retry is a minute away; bring it forward, then restart the service
    // so the delivery step looks at once.
    api_test::run_sql(service.database_path(), "UPDATE outbox SET next_attempt_at = 0");
    api_test::ServiceOptions again = options;
    again.database_path = service.database_path();
    service.stop();
    ServiceProcess restarted(again);
    std::optional<api_test::ReceivedMail> mail = smtp.wait_for_mail(std::chrono::seconds(10));
    REQUIRE(mail);
    CHECK(mail->to == "retry@example.org");
}

TEST_CASE("without --smtp or --demo, invitations wait in the outbox and the log says so") {
    ServiceProcess service;
    SignedInClient admin = add_admin(service);
    api_test::json_of(admin.invite("acme", {{"email", "waiting@example.org"}}), 201);
    CHECK(service.process().wait_for_stderr("1 message(s) waiting in the outbox", std::chrono::seconds(5)));
    CHECK(api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM outbox WHERE status = 'queued'") == 1);
}

TEST_CASE("--smtp, --public-url and --mail-from are checked") {
    api_test::TempFolder folder;
    std::vector<std::string> args = api_test::working_arguments(folder);
    const std::pair<std::vector<std::string>, std::string> bad[] = {
        {{"--smtp", "mail.example.com"}, "--smtp must be HOST:PORT"},
        {{"--smtp", "mail.example.com:99999"}, "--smtp must be HOST:PORT"},
        {{"--smtp", "::1:25"}, "--smtp must be HOST:PORT"},
        {{"--smtp", "smtp://user@mail.example.com:587"}, "--smtp must be HOST:PORT"},
        {{"--smtp", "ftp://mail.example.com:21"}, "--smtp must be HOST:PORT"},
        {{"--public-url", "support.example.com"}, "--public-url must be an http:// or https:// URL"},
        {{"--mail-from", "portal"}, "--mail-from must be an e-mail address"},
        {{"--demo-support-users", "many"}, "--demo-support-users must be a number"},
    };
    for (const auto& [extra, message] : bad) {
        CAPTURE(message);
        std::vector<std::string> with_bad = args;
        with_bad.insert(with_bad.end(), extra.begin(), extra.end());
        api_test::FinishedRun run = api_test::run_portal_web(with_bad);
        CHECK(run.exit_code == std::optional<int>(2));
        CHECK(run.err.find(message) != std::string::npos);
    }
    api_test::FinishedRun help = api_test::run_portal_web({"--help"});
    for (const char* option : {"--smtp HOST:PORT", "smtps://HOST:PORT", "PORTAL_SMTP_PASSWORD", "--public-url URL",
                               "--mail-from", "--demo-support-users"})
        CHECK(help.out.find(option) != std::string::npos);
}

TEST_CASE("smtp:// insists on STARTTLS: a server without it gets nothing, not the message in clear") {
    api_test::FakeSmtpServer smtp;   // offers no STARTTLS
    api_test::ServiceOptions options;
    options.extra_args = {"--smtp", "smtp://127.0.0.1:" + std::to_string(smtp.port())};
    ServiceProcess service(options);
    SignedInClient admin = add_admin(service);
    api_test::json_of(admin.invite("acme", {{"email", "private@example.org"}}), 201);
    CHECK(service.process().wait_for_stderr("sending to private@example.org failed (attempt 1 of 10)", std::chrono::seconds(10)));
    CHECK_FALSE(smtp.wait_for_mail(std::chrono::milliseconds(200)));
    CHECK(api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM outbox WHERE status = 'queued'") == 1);
}

TEST_CASE("a login for the mail server is refused over a plain connection, before the service starts") {
    api_test::TempFolder folder;
    std::vector<std::string> args = api_test::working_arguments(folder);
    args.insert(args.end(), {"--smtp", "127.0.0.1:2525"});
    setenv("PORTAL_SMTP_USER", "mailer", 1);
    setenv("PORTAL_SMTP_PASSWORD", "not-in-clear", 1);
    api_test::FinishedRun run = api_test::run_portal_web(args);
    unsetenv("PORTAL_SMTP_USER");
    unsetenv("PORTAL_SMTP_PASSWORD");
    CHECK(run.exit_code == std::optional<int>(2));
    CHECK(run.err.find("a login needs smtp://HOST:PORT (STARTTLS) or smtps://HOST:PORT (TLS)") != std::string::npos);
    CHECK(run.err.find("not-in-clear") == std::string::npos);
}
