// The command line of portal-web:
//   portal-web --port N --db PATH --public DIR [--program FILE] [--demo] [--demo-tickets N]
//              [--demo-support-users N] [--host ADDRESS] [--public-url URL] [--smtp HOST:PORT] [--mail-from ADDRESS]
//              [--webhook-retry SECONDS] [--db-connections N] [--routes] [--fault NAME]
// Parsing only; checking that the files and the port are usable happens at start.
#pragma once

#include "web/http/test_fault.hpp"
#include "web/store/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace web {

struct Options {
    std::string host = "127.0.0.1";
    int port = 8080;                          // 0 lets the system pick a free port
    std::string database_path;
    int database_connections = Database::default_connections;
    std::string public_dir;
    std::optional<std::string> program_file;  // none: the built-in program
    bool demo = false;                        // seed demo accounts and tickets into an empty database
    int demo_tickets = 0;                     // synthetic tickets seeded with the demo set (implies demo)
    int demo_support_users = 0;               // synthetic support-only users in acme-prod (implies demo)
    std::optional<std::string> public_url;    // none: the listening address
    std::optional<std::string> smtp;          // "HOST:PORT", checked by parse_smtp_server
    std::string mail_from = "portal@localhost";
    int webhook_retry_seconds = 10;           // the first pause after a failed webhook delivery (then doubling)
    bool list_routes = false;                 // print the API's routes and stop instead of serving
    TestFault fault = TestFault::none;        // test-only, with --demo only (test_fault.hpp)
};

struct OptionsResult {
    std::optional<Options> options;
    bool show_help = false;
    std::string error;                        // set when neither options nor help
};

OptionsResult parse_options(const std::vector<std::string>& args);

const char* usage_text();

}  // namespace web
