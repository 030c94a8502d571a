#include "web/admin/admin_flags.hpp"

#include "web/store/file_bytes.hpp"

#include <algorithm>
#include <cstdio>

namespace web {

std::optional<std::string> read_secret_file(const std::string& path, std::string& problem) {
    std::string why;
    std::optional<std::string> text = read_file_bytes(path, &why);
    if (!text) {
        problem = "cannot read the secret file " + path + " (" + why + ")";
        return std::nullopt;
    }
    std::string secret = std::move(*text);
    while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
    return secret;
}

int admin_fail(const std::string& message, int code) {
    std::fprintf(stderr, "portal admin: %s\n", message.c_str());
    return code;
}

int admin_refused(const OperatorProblem& problem, const std::map<std::string, std::string>& labels) {
    std::string message = problem.message;
    // One line after "portal admin: ", lowercase like the rest.
    if (!message.empty() && message[0] >= 'A' && message[0] <= 'Z' && !(message.size() > 1 && message[1] >= 'A' && message[1] <= 'Z'))
        message[0] = char(message[0] - 'A' + 'a');
    if (problem.refusal != OperatorRefusal::BadInput) return admin_fail(message, admin_exit_refused);
    auto label = labels.find(problem.field);
    return admin_fail(label == labels.end() ? problem.field + ": " + message : label->second + ": " + message, admin_exit_usage);
}

AdminFlags read_admin_flags(const std::vector<std::string>& args, size_t from, const std::vector<std::string>& known) {
    AdminFlags flags;
    for (size_t i = from; i < args.size(); i++) {
        const std::string& arg = args[i];
        if (!arg.starts_with("--")) {
            flags.words.push_back(arg);
            continue;
        }
        std::string name = arg, value;
        bool has_value = false;
        if (size_t equals = arg.find('='); equals != std::string::npos) {
            name = arg.substr(0, equals);
            value = arg.substr(equals + 1);
            has_value = true;
        } else if (i + 1 < args.size()) {
            value = args[++i];
            has_value = true;
        }
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            flags.problem = "unknown option " + name;
            return flags;
        }
        if (!has_value) {
            flags.problem = name + " needs a value";
            return flags;
        }
        if (flags.values.count(name)) {
            flags.problem = name + " is given twice";
            return flags;
        }
        flags.values[name] = value;
    }
    return flags;
}

}  // namespace web
