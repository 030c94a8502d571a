#include "web/http/options.hpp"

#include "web/http/public_address.hpp"
#include "web/mail/smtp_client.hpp"

#include "core/checks/email_address.hpp"

#include <charconv>

namespace web {

const char* usage_text() {
    return "usage: portal-web --port N --db PATH --public DIR [--program FILE] [--demo] [--demo-tickets N]\n"
           "                  [--demo-support-users N] [--host ADDRESS] [--public-url URL]\n"
           "                  [--smtp HOST:PORT] [--mail-from ADDRESS] [--webhook-retry SECONDS]\n"
           "                  [--db-connections N] [--routes] [--fault NAME]\n"
           "\n"
           "  --port N         TCP port to listen on; 0 picks a free one (default 8080)\n"
           "  --db PATH        SQLite database, created on first start\n"
           "  --db-connections N\n"
           "                   connections to the database, each used by one request at a\n"
           "                   time: readers never wait for a writer, SQLite orders the\n"
           "                   writers (1 to 64; default 10: the 8 request workers, mail\n"
           "                   and webhooks)\n"
           "  --public DIR     folder of the static site (index.html, portal.js, portal.wasm)\n"
           "  --program FILE   support program document instead of the built-in one\n"
           "  --demo           if the database has no users yet, add the demo tenants and\n"
           "                   accounts (password: demo-password); if it has no tickets yet,\n"
           "                   add about 20 demo tickets, placed around the current time so\n"
           "                   that every SLA state shows; and keep sent e-mail in the\n"
           "                   development mailbox, GET /api/v1/dev/mailbox\n"
           "  --demo-tickets N also add N synthetic tickets opened in the past 30 days (the\n"
           "                   same pseudo-random set every time), for load and UI benchmarks;\n"
           "                   implies --demo\n"
           "  --demo-support-users N\n"
           "                   also add N synthetic support-only users to acme-prod, for load\n"
           "                   tests and benchmarks; implies --demo\n"
           "  --host ADDRESS   address to listen on (default 127.0.0.1)\n"
           "  --public-url URL where people reach the portal, for links in e-mail and the\n"
           "                   Origin check (default http://HOST:PORT as listening)\n"
           "  --smtp HOST:PORT send e-mail through this SMTP relay (plain, no login);\n"
           "  --smtp smtp://HOST:PORT or smtps://HOST:PORT\n"
           "                   through this server with STARTTLS or TLS, logging in with\n"
           "                   PORTAL_SMTP_USER and PORTAL_SMTP_PASSWORD from the environment\n"
           "                   when they are set; without --smtp and without --demo,\n"
           "                   e-mail waits in the outbox\n"
           "  --mail-from ADDRESS\n"
           "                   the sender of e-mail (default portal@localhost)\n"
           "  --webhook-retry SECONDS\n"
           "                   after a webhook delivery fails, wait this long before the\n"
           "                   next attempt, then twice as long each time, up to an hour\n"
           "                   (default 10; webhooks are set with ./portal admin webhook add)\n"
           "  --routes         print the API's routes, \"METHOD /api/v1/path/{parameter}\"\n"
           "                   one a line, and stop instead of serving (with --demo, the\n"
           "                   development mailbox too); web/openapi.yaml documents them\n"
           "  --fault NAME     FOR TESTS ONLY, refused without --demo: break on purpose to\n"
           "                   prove the service survives it. exit-after-ticket-stored: the\n"
           "                   first POST /api/v1/tickets that files a new ticket stores it\n"
           "                   with its Idempotency-Key answer, then the process exits with\n"
           "                   code 3 without answering (a crash between commit and reply)\n";
}

namespace {

constexpr int most_demo_tickets = 1000000;
constexpr int most_demo_support_users = 1000000;

std::optional<int> parse_count(const std::string& text, int largest) {
    int count = -1;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
    if (error != std::errc() || end != text.data() + text.size() || count < 0 || count > largest) return std::nullopt;
    return count;
}

std::optional<int> parse_port(const std::string& text) {
    int port = -1;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
    if (error != std::errc() || end != text.data() + text.size() || port < 0 || port > 65535) return std::nullopt;
    return port;
}

}  // namespace

OptionsResult parse_options(const std::vector<std::string>& args) {
    OptionsResult result;
    Options options;
    auto fail = [&](std::string message) {
        result.error = std::move(message);
        return result;
    };

    for (size_t i = 0; i < args.size(); i++) {
        std::string name = args[i];
        std::optional<std::string> value;
        // Accept both "--port 8080" and "--port=8080".
        if (size_t equals = name.find('='); name.starts_with("--") && equals != std::string::npos) {
            value = name.substr(equals + 1);
            name.resize(equals);
        }
        auto take_value = [&]() -> std::optional<std::string> {
            if (value) return value;
            if (i + 1 < args.size()) return args[++i];
            return std::nullopt;
        };

        if (name == "-h" || name == "--help") {
            result.show_help = true;
            return result;
        }
        if (name == "--demo") {
            if (value) return fail("--demo takes no value");
            options.demo = true;
            continue;
        }
        if (name == "--routes") {
            if (value) return fail("--routes takes no value");
            options.list_routes = true;
            continue;
        }
        if (name != "--port" && name != "--db" && name != "--public" && name != "--program" && name != "--host" &&
            name != "--demo-tickets" && name != "--demo-support-users" && name != "--public-url" && name != "--smtp" &&
            name != "--mail-from" && name != "--fault" && name != "--webhook-retry" && name != "--db-connections")
            return fail("unknown option " + name);

        std::optional<std::string> given = take_value();
        if (!given || given->empty()) return fail(name + " needs a value");
        if (name == "--port") {
            std::optional<int> port = parse_port(*given);
            if (!port) return fail("--port must be a number from 0 to 65535, not \"" + *given + "\"");
            options.port = *port;
        } else if (name == "--db") {
            options.database_path = *given;
        } else if (name == "--db-connections") {
            std::optional<int> count = parse_count(*given, Database::most_connections);
            if (!count || *count < 1)
                return fail("--db-connections must be a number from 1 to " + std::to_string(Database::most_connections) +
                            ", not \"" + *given + "\"");
            options.database_connections = *count;
        } else if (name == "--public") {
            options.public_dir = *given;
        } else if (name == "--program") {
            options.program_file = *given;
        } else if (name == "--webhook-retry") {
            std::optional<int> seconds = parse_count(*given, 3600);
            if (!seconds || *seconds < 1) return fail("--webhook-retry must be a number of seconds from 1 to 3600, not \"" + *given + "\"");
            options.webhook_retry_seconds = *seconds;
        } else if (name == "--demo-tickets") {
            std::optional<int> count = parse_count(*given, most_demo_tickets);
            if (!count)
                return fail("--demo-tickets must be a number from 0 to " + std::to_string(most_demo_tickets) + ", not \"" +
                            *given + "\"");
            options.demo_tickets = *count;
            options.demo = true;
        } else if (name == "--demo-support-users") {
            std::optional<int> count = parse_count(*given, most_demo_support_users);
            if (!count)
                return fail("--demo-support-users must be a number from 0 to " + std::to_string(most_demo_support_users) +
                            ", not \"" + *given + "\"");
            options.demo_support_users = *count;
            options.demo = true;
        } else if (name == "--public-url") {
            if (!origin_of(*given))
                return fail("--public-url must be an http:// or https:// URL like https://support.example.com, not \"" +
                            *given + "\"");
            options.public_url = *given;
        } else if (name == "--smtp") {
            if (!parse_smtp_server(*given))
                return fail("--smtp must be HOST:PORT like mail.example.com:25 or [::1]:2525, or smtp://HOST:PORT "
                            "(STARTTLS) or smtps://HOST:PORT (TLS), not \"" + *given + "\"");
            options.smtp = *given;
        } else if (name == "--mail-from") {
            if (!core::email_address_problem(core::normalize_email_address(*given)).empty())
                return fail("--mail-from must be an e-mail address like portal@example.com, not \"" + *given + "\"");
            options.mail_from = core::normalize_email_address(*given);
        } else if (name == "--fault") {
            std::optional<TestFault> fault = test_fault_named(*given);
            if (!fault)
                return fail("--fault must be one of the test faults (" + test_fault_names() + "), not \"" + *given + "\"");
            options.fault = *fault;
        } else {
            options.host = *given;
        }
    }

    if (options.database_path.empty()) return fail("--db PATH is required");
    if (options.public_dir.empty()) return fail("--public DIR is required");
    // A fault switch left on in production would lose answers: only a demo service takes one.
    if (options.fault != TestFault::none && !options.demo)
        return fail("--fault is for tests only and needs --demo; a service started without --demo never breaks on purpose");
    result.options = std::move(options);
    return result;
}

}  // namespace web
