// portal-cli [--program FILE] COMMAND ...
#include "cli.hpp"

#include <iostream>
#include <vector>

namespace cli {

void print_usage(std::ostream& to) {
    to << "usage: portal-cli [--program FILE] COMMAND\n"
          "\n"
          "commands:\n"
          "  help                  show this text\n"
          "  program dump          print the support program as JSON\n"
          "  program check FILE    check a program document: prints \"ok: N plans, M routes\"\n"
          "                        or \"error: <field path>: <problem>\" and exits 1\n"
          "  sla eval              business-time questions as JSON lines on stdin, one answer\n"
          "                        line each: op add_minutes | elapsed_between | in_hours\n"
          "  sla deadline --plan P --severity N --tz ZONE --opened TIME\n"
          "                        a plan's response deadline, in ZONE and in UTC\n"
          "  har sanitize IN OUT [--redact TEXT]...\n"
          "                        a copy of HAR file IN without cookies, credentials, tokens'\n"
          "                        signatures and other secrets (and each TEXT), written to OUT\n"
          "  har analyze IN [--json]\n"
          "                        where a sign-in in HAR file IN stopped, its failed and slow\n"
          "                        requests, the tokens in it and the identifiers for a ticket\n"
          "  har token FILE        a JWT or a SAML message (either binding, or its XML) in FILE\n"
          "                        (- reads standard input), decoded and checked against now\n"
          "\n"
          "options:\n"
          "  --program FILE        use this program document instead of the built-in one\n";
}

namespace {

std::optional<core::Program> load_program(const std::string& path, Output io) {
    std::string error;
    std::optional<std::string> text = read_text_file(path, error);
    if (!text) {
        io.err << "error: " << error << '\n';
        return std::nullopt;
    }
    core::Parsed<core::Program> parsed = core::parse_program(*text);
    if (!parsed) io.err << "error: " << path << ": " << parsed.error << '\n';
    return std::move(parsed.value);
}

}  // namespace

}  // namespace cli

int main(int argc, char** argv) {
    using namespace cli;
    Output io{std::cout, std::cerr};
    std::vector<std::string> args(argv + 1, argv + argc);

    // The global option may stand anywhere; take it out before dispatching.
    std::optional<core::Program> chosen;
    for (auto it = args.begin(); it != args.end();) {
        if (*it != "--program") {
            ++it;
            continue;
        }
        if (it + 1 == args.end()) {
            io.err << "portal-cli: --program needs a FILE\n\n";
            print_usage(io.err);
            return exit_usage;
        }
        chosen = load_program(*(it + 1), io);
        if (!chosen) return exit_failed;
        it = args.erase(it, it + 2);
    }
    const core::Program& program = chosen ? *chosen : core::default_program();
    std::span<const std::string> command(args);

    if (command.empty()) {
        print_usage(io.err);
        return exit_usage;
    }
    if (command[0] == "help" || command[0] == "--help" || command[0] == "-h") {
        print_usage(io.out);
        return exit_ok;
    }
    if (command[0] == "program") return run_program_command(command.subspan(1), program, io);
    if (command[0] == "sla") return run_sla_command(command.subspan(1), program, io);
    if (command[0] == "har") return run_har_command(command.subspan(1), program, io);

    io.err << "portal-cli: unknown command \"" << command[0] << "\"\n\n";
    print_usage(io.err);
    return exit_usage;
}
