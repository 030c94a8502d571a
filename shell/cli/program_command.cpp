// portal-cli program dump | check FILE
#include "cli.hpp"

#include <ostream>

namespace cli {

namespace {

int dump(const core::Program& program, Output io) {
    io.out << core::program_to_json(program) << '\n';
    return exit_ok;
}

// The answer goes to stdout either way, so scripts can show it as is.
int check(const std::string& path, Output io) {
    std::string error;
    std::optional<std::string> text = read_text_file(path, error);
    if (!text) {
        io.out << "error: " << error << '\n';
        return exit_failed;
    }
    core::Parsed<core::Program> parsed = core::parse_program(*text);
    if (!parsed) {
        io.out << "error: " << parsed.error << '\n';
        return exit_failed;
    }
    io.out << "ok: " << parsed.value->plans.size() << " plans, " << parsed.value->routes.size() << " routes\n";
    return exit_ok;
}

}  // namespace

int run_program_command(std::span<const std::string> args, const core::Program& program, Output io) {
    if (args.size() == 1 && args[0] == "dump") return dump(program, io);
    if (args.size() == 2 && args[0] == "check") return check(args[1], io);
    io.err << "portal-cli: expected \"program dump\" or \"program check FILE\"\n\n";
    print_usage(io.err);
    return exit_usage;
}

}  // namespace cli
