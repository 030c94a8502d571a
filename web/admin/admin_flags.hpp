// What every `./portal admin` command shares: its exit codes, the one-line
// problem on stderr, and reading "--name value" options after its words.
#pragma once

#include <map>
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

AdminFlags read_admin_flags(const std::vector<std::string>& args, size_t from, const std::vector<std::string>& known);

}  // namespace web
