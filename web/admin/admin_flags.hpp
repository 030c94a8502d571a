// What every `./portal admin` command shares: its exit codes, the one-line
// problem on stderr, and reading "--name value" options after its words.
#pragma once

#include "web/admin/operator_problem.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace web {

constexpr int admin_exit_refused = 1;   // refused by the data (a slug taken, a tenant not found) or the database
constexpr int admin_exit_usage = 2;     // a bad argument

// Prints "portal admin: <message>" on stderr and returns `code`.
int admin_fail(const std::string& message, int code);

// --name value pairs after the command's words; a repeated, unknown or
// valueless option is a usage problem.
struct AdminFlags {
    std::map<std::string, std::string> values;
    std::vector<std::string> words;
    std::string problem;
};

// Says why `problem` changed nothing and returns the exit code: a bad input
// as "<label>: <message>", where `labels` names each field as it was typed
// ("plan" -> "--plan gold"); a refusal by the data as its message.
int admin_refused(const OperatorProblem& problem, const std::map<std::string, std::string>& labels);

// A secret kept in a file (--secret-file, --client-secret-file), so it is in
// no shell history: the file's text without the line end an editor or `echo` leaves.
std::optional<std::string> read_secret_file(const std::string& path, std::string& problem);

AdminFlags read_admin_flags(const std::vector<std::string>& args, size_t from, const std::vector<std::string>& known);

}  // namespace web
