#include "options.hpp"

#include <charconv>

namespace web {

const char* usage_text() {
    return "usage: portal-web --port N --db PATH --public DIR [--program FILE] [--demo] [--demo-tickets N]\n"
           "                  [--host ADDRESS]\n"
           "\n"
           "  --port N         TCP port to listen on; 0 picks a free one (default 8080)\n"
           "  --db PATH        SQLite database, created on first start\n"
           "  --public DIR     folder of the static site (index.html, portal.js, portal.wasm)\n"
           "  --program FILE   support program document instead of the built-in one\n"
           "  --demo           if the database has no tickets yet, add about 20 demo tickets,\n"
           "                   placed around the current time so that every SLA state shows\n"
           "  --demo-tickets N also add N synthetic tickets opened in the past 30 days (the\n"
           "                   same pseudo-random set every time), for load and UI benchmarks;\n"
           "                   implies --demo\n"
           "  --host ADDRESS   address to listen on (default 127.0.0.1)\n";
}

namespace {

constexpr int most_demo_tickets = 1000000;

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
        if (name != "--port" && name != "--db" && name != "--public" && name != "--program" && name != "--host" &&
            name != "--demo-tickets")
            return fail("unknown option " + name);

        std::optional<std::string> given = take_value();
        if (!given || given->empty()) return fail(name + " needs a value");
        if (name == "--port") {
            std::optional<int> port = parse_port(*given);
            if (!port) return fail("--port must be a number from 0 to 65535, not \"" + *given + "\"");
            options.port = *port;
        } else if (name == "--db") {
            options.database_path = *given;
        } else if (name == "--public") {
            options.public_dir = *given;
        } else if (name == "--program") {
            options.program_file = *given;
        } else if (name == "--demo-tickets") {
            std::optional<int> count = parse_count(*given, most_demo_tickets);
            if (!count)
                return fail("--demo-tickets must be a number from 0 to " + std::to_string(most_demo_tickets) + ", not \"" +
                            *given + "\"");
            options.demo_tickets = *count;
            options.demo = true;
        } else {
            options.host = *given;
        }
    }

    if (options.database_path.empty()) return fail("--db PATH is required");
    if (options.public_dir.empty()) return fail("--public DIR is required");
    result.options = std::move(options);
    return result;
}

}  // namespace web
