#include "service_process.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace api_test {

// --- files -------------------------------------------------------------------

TempFolder::TempFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "portal-api-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed: " + std::string(std::strerror(errno)));
    path_ = pattern;
}

TempFolder::~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

void write_file(const std::filesystem::path& file, std::string_view bytes) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + file.string());
}

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::move(bytes).str();
}

std::string SampleSite::index_html() {
    std::string html = "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Support Portal</title></head>\n<body>\n";
    for (int i = 0; i < 40; i++) html += "  <p>Line " + std::to_string(i) + " of a page that compresses well.</p>\n";
    return html + "<script src=\"portal.js\"></script>\n</body>\n</html>\n";
}

std::string SampleSite::portal_js() {
    std::string js = "'use strict';\n";
    for (int i = 0; i < 60; i++) js += "function step" + std::to_string(i) + "(state) { return state + " + std::to_string(i) + "; }\n";
    return js;
}

std::string SampleSite::portal_wasm() {
    // Magic and version, then one custom section (id 0) named "pad" whose
    // repetitive payload makes the file worth compressing.
    std::string payload(3000, 'x');
    std::string section;
    section += char(3);
    section += "pad";
    section += payload;
    std::string wasm("\0asm\x01\x00\x00\x00", 8);
    wasm += char(0);
    size_t size = section.size();  // unsigned LEB128
    do {
        unsigned char byte = size & 0x7f;
        size >>= 7;
        if (size) byte |= 0x80;
        wasm += char(byte);
    } while (size);
    return wasm + section;
}

std::string portal_web_binary() {
    const char* path = std::getenv("PORTAL_WEB");
    if (!path || !*path) throw std::runtime_error("PORTAL_WEB is not set (run the tests through ctest)");
    return path;
}

std::vector<std::string> working_arguments(const TempFolder& folder) {
    std::filesystem::path public_dir = folder.path() / "public";
    write_file(public_dir / "index.html", SampleSite::index_html());
    return {"--port", "0", "--db", (folder.path() / "portal.sqlite3").string(), "--public", public_dir.string()};
}

// --- child process -------------------------------------------------------------

ChildProcess::ChildProcess(const std::vector<std::string>& command) {
    int out_pipe[2], err_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0)
        throw std::runtime_error("pipe2 failed: " + std::string(std::strerror(errno)));

    // Everything the child needs is prepared before fork: after it, only
    // async-signal-safe calls are allowed (the test runner has threads).
    std::vector<char*> argv;
    for (const std::string& arg : command) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    sigset_t no_signals;
    sigemptyset(&no_signals);

    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed: " + std::string(std::strerror(errno)));
    if (pid_ == 0) {
        int null_in = open("/dev/null", O_RDONLY);
        dup2(null_in, STDIN_FILENO);
        dup2(out_pipe[1], STDOUT_FILENO);
        dup2(err_pipe[1], STDERR_FILENO);
        sigprocmask(SIG_SETMASK, &no_signals, nullptr);
        signal(SIGPIPE, SIG_DFL);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(out_pipe[1]);
    close(err_pipe[1]);
    reader_ = std::thread([this, out = out_pipe[0], err = err_pipe[0]] { read_output(out, err); });
}

ChildProcess::~ChildProcess() {
    if (running()) {
        kill(pid_, SIGKILL);
        wait_for_exit(5s);
    }
    if (reader_.joinable()) reader_.join();
}

void ChildProcess::read_output(int out_fd, int err_fd) {
    pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
    int open_count = 2;
    while (open_count > 0) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (pollfd& fd : fds) {
            if (fd.fd < 0 || fd.revents == 0) continue;
            char buffer[4096];
            ssize_t count = read(fd.fd, buffer, sizeof buffer);
            if (count < 0 && errno == EINTR) continue;
            std::lock_guard lock(mutex_);
            if (count <= 0) {
                if (fd.fd == out_fd) out_closed_ = true;
                close(fd.fd);
                fd.fd = -1;
                open_count--;
            } else {
                (fd.fd == out_fd ? out_ : err_).append(buffer, size_t(count));
            }
            changed_.notify_all();
        }
    }
}

std::optional<std::string> ChildProcess::wait_for_first_line(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return out_.find('\n') != std::string::npos || out_closed_; });
    size_t end = out_.find('\n');
    if (end == std::string::npos) return std::nullopt;
    return out_.substr(0, end);
}

bool ChildProcess::wait_for_stderr(std::string_view text, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return err_.find(text) != std::string::npos; });
}

void ChildProcess::send_signal(int signal) {
    if (running()) kill(pid_, signal);
}

std::optional<int> ChildProcess::wait_for_exit(std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!exit_code_) {
        int status = 0;
        pid_t done = waitpid(pid_, &status, WNOHANG);
        if (done == pid_) {
            exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            break;
        }
        if (done < 0 && errno != EINTR) throw std::runtime_error("waitpid failed: " + std::string(std::strerror(errno)));
        if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
        std::this_thread::sleep_for(2ms);  // polling the exit status; readiness is never waited for this way
    }
    // The pipes reach EOF once the process is gone: collect the last output.
    if (reader_.joinable()) reader_.join();
    return exit_code_;
}

std::string ChildProcess::stdout_text() {
    std::lock_guard lock(mutex_);
    return out_;
}

std::string ChildProcess::stderr_text() {
    std::lock_guard lock(mutex_);
    return err_;
}

// --- the service ---------------------------------------------------------------

ServiceProcess::ServiceProcess(ServiceOptions options) {
    public_dir_ = temp_.path() / "public";
    write_file(public_dir_ / "index.html", SampleSite::index_html());
    write_file(public_dir_ / "portal.js", SampleSite::portal_js());
    write_file(public_dir_ / "portal.wasm", SampleSite::portal_wasm());
    // Outside the public folder: no request may ever reach it.
    write_file(temp_.path() / "secret.txt", "the contents of a file outside the public folder\n");
    database_path_ = options.database_path.value_or(temp_.path() / "portal.sqlite3");

    std::vector<std::string> command = {portal_web_binary(),
                                        "--port", std::to_string(options.port.value_or(0)),
                                        "--db", database_path_.string(),
                                        "--public", public_dir_.string()};
    command.insert(command.end(), options.extra_args.begin(), options.extra_args.end());
    process_ = std::make_unique<ChildProcess>(command);

    std::optional<std::string> line = process_->wait_for_first_line(5s);
    INFO("portal-web stderr: ", process_->stderr_text());
    REQUIRE_MESSAGE(line, "portal-web printed no listening line");
    const std::string prefix = "listening on http://127.0.0.1:";
    REQUIRE_MESSAGE(line->starts_with(prefix), "unexpected first line: ", *line);
    port_ = std::stoi(line->substr(prefix.size()));
    REQUIRE(port_ > 0);
}

ServiceProcess::~ServiceProcess() {
    if (process_ && process_->running()) stop();
}

httplib::Client ServiceProcess::client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_decompress(false);
    client.set_connection_timeout(5);
    client.set_read_timeout(5);
    return client;
}

std::optional<int> ServiceProcess::stop() {
    process_->send_signal(SIGTERM);
    return process_->wait_for_exit(5s);
}

FinishedRun run_portal_web(const std::vector<std::string>& args, std::chrono::milliseconds timeout) {
    std::vector<std::string> command = {portal_web_binary()};
    command.insert(command.end(), args.begin(), args.end());
    ChildProcess process(command);
    FinishedRun run;
    run.exit_code = process.wait_for_exit(timeout);
    if (!run.exit_code) {
        process.send_signal(SIGKILL);
        process.wait_for_exit(5s);
    }
    run.out = process.stdout_text();
    run.err = process.stderr_text();
    return run;
}

}  // namespace api_test

namespace api_test {

FinishedRun run_admin(const std::filesystem::path& database, std::vector<std::string> args) {
    args.insert(args.begin(), {"admin", "--db", database.string()});
    return run_portal_web(args, std::chrono::seconds(10));
}

std::string printed_api_token(const std::string& out) {
    const size_t start = out.find("spt_");
    REQUIRE_MESSAGE(start != std::string::npos, "no API token in: ", out);
    return out.substr(start, out.find('\n', start) - start);
}

}  // namespace api_test
