// `har sanitize IN OUT` and `har analyze IN [--json]`: the same core code
// (core/har) the page runs in its worker, on files of any size, read a
// mebibyte at a time.
#include "cli.hpp"

#include "core/har/har_job.hpp"
#include "core/har/pasted_token.hpp"
#include "core/text/ascii_text.hpp"

#include <chrono>
#include <iterator>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

namespace cli {

namespace {

constexpr size_t chunk_bytes = 1 << 20;

core::SecretKey random_key() {
    // A new key for every file (std::random_device reads getrandom on Linux),
    // so markers of two files cannot be compared and none can be guessed.
    std::random_device random;
    core::SecretKey key;
    for (size_t i = 0; i < key.bytes.size(); i += 4) {
        const unsigned value = random();
        for (size_t b = 0; b < 4; b++) key.bytes[i + b] = static_cast<uint8_t>(value >> (8 * b));
    }
    return key;
}

// Feeds `in` to the sanitizer; false with a message on a read error or a bad file.
bool read_through(std::istream& in, const std::string& name, core::HarJob& job, Output io) {
    std::string buffer(chunk_bytes, '\0');
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<size_t>(in.gcount());
        if (got == 0) break;
        if (!job.feed(std::string_view(buffer).substr(0, got))) {
            io.err << "error: " << name << ": " << job.error_text() << '\n';
            return false;
        }
    }
    if (in.bad()) {
        io.err << "error: " << name << ": could not be read\n";
        return false;
    }
    if (!job.finish()) {
        io.err << "error: " << name << ": " << job.error_text() << '\n';
        return false;
    }
    return true;
}

int sanitize(std::span<const std::string> args, Output io) {
    std::vector<std::string> files, user_texts;
    for (size_t i = 0; i < args.size(); i++) {
        if (args[i] == "--redact") {
            if (i + 1 == args.size() || args[i + 1].empty()) {
                io.err << "portal-cli: --redact needs a text\n";
                return exit_usage;
            }
            user_texts.push_back(args[++i]);
        } else {
            files.push_back(args[i]);
        }
    }
    if (files.size() != 2) {
        io.err << "usage: portal-cli har sanitize IN.har OUT.har [--redact TEXT]...\n";
        return exit_usage;
    }
    std::ifstream in(files[0], std::ios::binary);
    if (!in) {
        io.err << "error: " << files[0] << ": cannot be opened\n";
        return exit_failed;
    }
    // Written beside OUT and renamed at the end: a bad file leaves no half copy.
    const std::string partial = files[1] + ".partial";
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) {
        io.err << "error: " << files[1] << ": cannot be written\n";
        return exit_failed;
    }
    core::HarJob job({random_key(), user_texts}, {}, [&](std::string_view bytes) { out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); });
    const bool ok = read_through(in, files[0], job, io);
    out.close();
    std::error_code ignored;
    if (!ok || !out) {
        if (ok) io.err << "error: " << files[1] << ": could not be written\n";
        std::filesystem::remove(partial, ignored);
        return exit_failed;
    }
    std::filesystem::rename(partial, files[1], ignored);
    if (ignored) {
        io.err << "error: " << files[1] << ": " << ignored.message() << '\n';
        return exit_failed;
    }
    const core::RedactionReport& report = job.report();
    io.out << "sanitised " << job.entry_count() << (job.entry_count() == 1 ? " entry" : " entries") << ": redacted "
           << report.counts_text() << '\n';
    return exit_ok;
}

int analyze(std::span<const std::string> args, const core::Program& program, Output io) {
    bool as_json = false;
    std::vector<std::string> files;
    for (const std::string& arg : args) {
        if (arg == "--json") as_json = true;
        else files.push_back(arg);
    }
    if (files.size() != 1) {
        io.err << "usage: portal-cli har analyze IN.har [--json]\n";
        return exit_usage;
    }
    std::ifstream in(files[0], std::ios::binary);
    if (!in) {
        io.err << "error: " << files[0] << ": cannot be opened\n";
        return exit_failed;
    }
    // The analysis reads the sanitised entries: nothing secret is printed.
    core::HarJob job({random_key(), {}}, program.tenant_issuer, [](std::string_view) {});
    if (!read_through(in, files[0], job, io)) return exit_failed;
    io.out << (as_json ? core::analysis_json(job.analysis(), job.report()) + "\n" : core::analysis_text(job.analysis(), job.report()));
    return exit_ok;
}

// A JWT or a SAML message from a file ("-": standard input), decoded and
// checked against now: the stand-alone viewer of the command line.
int inspect_token(std::span<const std::string> args, Output io) {
    if (args.size() != 1) {
        io.err << "usage: portal-cli har token FILE   (a JWT or a SAML message; - reads standard input)\n";
        return exit_usage;
    }
    std::string text;
    if (args[0] == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
        std::string error;
        std::optional<std::string> read = read_text_file(args[0], error);
        if (!read) {
            io.err << "error: " << error << '\n';
            return exit_failed;
        }
        text = std::move(*read);
    }
    const core::Instant now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    const core::PastedToken token = core::read_pasted_token(text, now, nullptr);
    if (token.kind == core::PastedTokenKind::None) {
        io.err << "error: " << token.error << '\n';
        return exit_failed;
    }
    io.out << token.title << '\n';
    if (!token.header_json.empty()) io.out << "header: " << token.header_json << '\n';
    for (const auto& line : token.lines) io.out << line.name << ": " << line.value << '\n';
    for (const auto& f : token.findings) io.out << core::to_string(f.level) << ": " << f.message << '\n';
    return exit_ok;
}

}  // namespace

int run_har_command(std::span<const std::string> args, const core::Program& program, Output io) {
    if (!args.empty() && args[0] == "sanitize") return sanitize(args.subspan(1), io);
    if (!args.empty() && args[0] == "analyze") return analyze(args.subspan(1), program, io);
    if (!args.empty() && args[0] == "token") return inspect_token(args.subspan(1), io);
    io.err << "usage: portal-cli har sanitize IN.har OUT.har [--redact TEXT]...\n"
              "       portal-cli har analyze IN.har [--json]\n"
              "       portal-cli har token FILE\n";
    return exit_usage;
}

}  // namespace cli
