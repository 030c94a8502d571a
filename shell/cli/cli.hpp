// portal-cli: the support program's rules on the command line, for operators
// and for tests. main.cpp picks the command; each command group has its file.
#pragma once

#include "core/program/program.hpp"

#include <iosfwd>
#include <optional>
#include <span>
#include <string>

namespace cli {

// Exit codes every command shares.
enum Exit : int {
    exit_ok = 0,
    exit_failed = 1,  // the command ran and the answer is "no" (bad file, ...)
    exit_usage = 2,   // the command line itself is wrong
};

struct Output {
    std::ostream& out;
    std::ostream& err;
};

void print_usage(std::ostream& to);

// The whole file, or nullopt with `error` set to a readable reason.
std::optional<std::string> read_text_file(const std::string& path, std::string& error);

// `program dump` and `program check FILE`; args start after "program".
int run_program_command(std::span<const std::string> args, const core::Program& program, Output io);

// `sla eval` (JSON lines on stdin) and `sla deadline --plan P --severity N
// --tz ZONE --opened TIME`; args start after "sla".
int run_sla_command(std::span<const std::string> args, const core::Program& program, Output io);

// `har sanitize IN OUT [--redact TEXT]...`, `har analyze IN [--json]` and `har token FILE`;
// args start after "har".
int run_har_command(std::span<const std::string> args, const core::Program& program, Output io);

}  // namespace cli
