// portal-web: the Support Portal's service. Serves the static site from
// --public and the JSON API under /api/v1, keeps its data in SQLite (--db).
//
// Start-up problems end the process with exit code 1 and one line on stderr
// saying what to fix; once running, stdout carries exactly one line,
// "listening on http://HOST:PORT", which scripts and tests wait for.
#include "web/http/api_routes.hpp"
#include "web/accounts/account_store.hpp"
#include "web/store/database.hpp"
#include "web/demo/demo_accounts.hpp"
#include "web/demo/demo_conversations.hpp"
#include "web/demo/demo_incidents.hpp"
#include "web/demo/demo_tickets.hpp"
#include "web/http/gzip.hpp"
#include "web/http/hardened_http_server.hpp"
#include "web/http/http_service.hpp"
#include "web/http/listen_address.hpp"
#include "web/mail/mail_delivery.hpp"
#include "web/webhooks/webhook_delivery.hpp"
#include "web/admin/admin_command.hpp"
#include "web/admin/tenant_provisioning.hpp"
#include "web/http/options.hpp"
#include "web/status/program_document.hpp"
#include "web/http/public_address.hpp"
#include "web/accounts/secret_token.hpp"
#include "web/accounts/totp.hpp"
#include "web/mail/smtp_client.hpp"
#include "web/http/static_files.hpp"
#include "web/http/stop_signals.hpp"
#include "web/tickets/ticket_store.hpp"
#include "web/store/time_zones.hpp"
#include "web/mail/outbox.hpp"
#include "web/store/unix_time.hpp"

#include <httplib.h>

#include <curl/curl.h>

#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace {

constexpr int exit_failed = 1;
constexpr int exit_usage = 2;

int fail(const std::string& message, int exit_code = exit_failed) {
    std::fprintf(stderr, "portal-web: %s\n", message.c_str());
    return exit_code;
}

std::string check_public_dir(const std::string& dir) {
    std::error_code error;
    if (!std::filesystem::exists(dir, error)) return "public folder " + dir + " does not exist";
    if (!std::filesystem::is_directory(dir, error)) return "public folder " + dir + " is not a folder";
    return {};
}

}  // namespace

int main(int argc, char** argv) {
    // `portal-web admin ...`: the operator's commands on the database, then exit.
    if (argc > 1 && std::string_view(argv[1]) == "admin")
        return web::run_admin_command(std::vector<std::string>(argv + 2, argv + argc));

    // Before any thread exists, so that every thread inherits the mask.
    web::block_stop_signals();
    // A browser closing a connection mid-response must not kill the service.
    std::signal(SIGPIPE, SIG_IGN);
    // Once, before any thread: the mail thread sends through libcurl.
    curl_global_init(CURL_GLOBAL_DEFAULT);

    web::OptionsResult parsed = web::parse_options(std::vector<std::string>(argv + 1, argv + argc));
    if (parsed.show_help) {
        std::fputs(web::usage_text(), stdout);
        return 0;
    }
    if (!parsed.options) return fail(parsed.error + " (see portal-web --help)", exit_usage);
    const web::Options& options = *parsed.options;

    if (!web::start_secrets()) return fail("cannot initialise libsodium (no source of randomness?)");
    if (!web::start_totp()) return fail("cannot initialise liboath");
    std::string error;
    std::optional<web::ProgramDocument> program = web::load_program_document(options.program_file, error);
    if (!program) return fail(error);
    if (error = check_public_dir(options.public_dir); !error.empty()) return fail(error);
    std::unique_ptr<web::Database> database = web::Database::open(options.database_path, error, options.database_connections);
    if (!database) return fail(error);

    web::MailSettings mail_settings;
    if (options.smtp) {
        mail_settings.smtp = web::parse_smtp_server(*options.smtp);
        // The password stays out of the command line (and so out of ps).
        const char* user = std::getenv("PORTAL_SMTP_USER");
        const char* password = std::getenv("PORTAL_SMTP_PASSWORD");
        if (user && *user) {
            if (mail_settings.smtp->security == web::SmtpSecurity::Plain)
                return fail("PORTAL_SMTP_USER is set but --smtp " + *options.smtp +
                                " is plain: a login needs smtp://HOST:PORT (STARTTLS) or smtps://HOST:PORT (TLS)",
                            exit_usage);
            mail_settings.smtp->user = user;
            mail_settings.smtp->password = password ? password : "";
        }
    }
    mail_settings.dev_mailbox = options.demo;
    mail_settings.from = options.mail_from;
    web::MailDelivery mail(*database, mail_settings);

    web::TimeZones zones;
    web::GzipCache gzip_cache;
    web::WebhookDelivery webhooks(*database, std::chrono::seconds(options.webhook_retry_seconds));
    web::ApiRoutes api(*database, *program, gzip_cache, zones, mail, webhooks, options.demo, options.fault);
    if (options.list_routes) {
        for (const web::ApiRoute& route : api.router().routes())
            std::printf("%s %s\n", route.method.c_str(), route.pattern.c_str());
        return 0;
    }
    web::StaticFiles static_files(options.public_dir, gzip_cache);
    web::ConnectionLimits limits = web::connection_limits_for_this_process();
    // Attachments have the program's size limit; every other body 1 MiB.
    limits.request.large_bodies.push_back(
        {"POST", "/api/v1/tickets/*/attachments", static_cast<size_t>(program->program.attachments.max_bytes())});
    web::HardenedHttpServer server(limits);
    web::configure_http_service(server, api, static_files);

    int port = web::bind_listening_port(server, options.host, options.port, error);
    if (port < 0) return fail(error);
    const std::string listening_url = web::service_url(options.host, port);
    api.set_public_address(web::public_address(options.public_url.value_or(listening_url), listening_url));

    if (options.demo) {
        // Before accepting connections, so the first request already sees the
        // demo set; after binding, so invitation links carry the real port.
        web::DemoAccountsSetting setting{api.public_address().url, program->program.product_name, options.demo_support_users};
        for (const core::Plan& plan : program->program.plans)
            if (plan.days) setting.trial_days = *plan.days;
        int64_t users_added = 0;
        error = web::seed_demo_accounts(*database, setting, web::service_now(), users_added);
        if (!error.empty()) return fail("cannot add the demo accounts: " + error);
        if (users_added > 0) {
            std::fprintf(stderr, "portal-web: demo data: added %lld users in 4 tenants (password: %s)\n",
                         static_cast<long long>(users_added), web::demo_password);
            if (int64_t dealt = web::give_demo_tenants_the_tickets_without_one(*database))
                std::fprintf(stderr, "portal-web: demo data: %lld tickets from before tenants now belong to the demo tenants\n",
                             static_cast<long long>(dealt));
        } else
            std::fprintf(stderr, "portal-web: demo data: the database has users already; none added\n");

        web::TicketStore tickets(*database);
        const core::Instant now = web::service_now();
        int64_t added = 0;
        error = web::seed_demo_tickets(tickets, program->program, zones, options.demo_tickets, now,
                                       web::demo_ticket_tenants(*database), added);
        if (!error.empty()) return fail("cannot add the demo tickets: " + error);
        if (added > 0) {
            std::fprintf(stderr, "portal-web: demo data: added %lld tickets\n", static_cast<long long>(added));
            std::string solved;
            error = web::seed_demo_conversations(*database, program->program, now, solved);
            if (!error.empty()) return fail("cannot add the demo conversations: " + error);
            if (!solved.empty())
                std::fprintf(stderr, "portal-web: demo data: %s is solved, awaiting the customer's confirmation\n", solved.c_str());
        } else {
            std::fprintf(stderr, "portal-web: demo data: the database has tickets already; none added\n");
        }
        int64_t incidents = 0;
        error = web::seed_demo_incidents(*database, web::service_now(), incidents);
        if (!error.empty()) return fail("cannot add the demo incident: " + error);
        if (incidents > 0) std::fprintf(stderr, "portal-web: demo data: an open incident in the EU region\n");
    }
    if (!options.demo && database->with_connection([](sqlite3* c) { return web::AccountStore(c).tenant_count() == 0; }))
        std::fprintf(stderr, "portal-web: no tenants yet; create the first with: %s\n", web::first_tenant_command);
    // Whatever earlier runs or the demo left in the outbox.
    if (options.smtp || options.demo)
        mail.mail_queued();
    else if (int64_t queued = database->with_connection([](sqlite3* connection) { return web::Outbox(connection).queued_count(); }))
        std::fprintf(stderr, "portal-web: mail: %lld message(s) waiting in the outbox; start with --smtp HOST:PORT to send them\n",
                     static_cast<long long>(queued));

    // Whatever earlier runs left queued for the help desk's webhooks.
    webhooks.start();

    if (options.fault != web::TestFault::none)
        std::fprintf(stderr, "portal-web: test fault %.*s is on: this service will break on purpose (--fault)\n",
                     int(web::test_fault_name(options.fault).size()), web::test_fault_name(options.fault).data());

    std::printf("listening on %s\n", listening_url.c_str());
    std::fflush(stdout);

    web::StopSignalWatcher stop_signals(server);
    server.listen_after_bind();
    int stopped_by = stop_signals.finish();
    server.finish_connections();
    if (stopped_by == 0) return fail("stopped accepting connections unexpectedly");

    std::fprintf(stderr, "portal-web: stopped (%s)\n", stopped_by == SIGINT ? "SIGINT" : "SIGTERM");
    return 0;  // the database closes as `database` goes out of scope
}
