// The command line of portal-web:
//   portal-web --port N --db PATH --public DIR [--program FILE] [--demo] [--demo-tickets N] [--host ADDRESS]
// Parsing only; checking that the files and the port are usable happens at start.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace web {

struct Options {
    std::string host = "127.0.0.1";
    int port = 8080;                          // 0 lets the system pick a free port
    std::string database_path;
    std::string public_dir;
    std::optional<std::string> program_file;  // none: the built-in program
    bool demo = false;                        // seed demo tickets into an empty database
    int demo_tickets = 0;                     // synthetic tickets seeded with the demo set (implies demo)
};

struct OptionsResult {
    std::optional<Options> options;
    bool show_help = false;
    std::string error;                        // set when neither options nor help
};

OptionsResult parse_options(const std::vector<std::string>& args);

const char* usage_text();

}  // namespace web
