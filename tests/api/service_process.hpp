// Runs the real portal-web binary (path from $PORTAL_WEB, set by ctest) as a
// child process for the API tests: on a free port (--port 0), with a fresh
// database and a small public folder in a temporary folder of its own.
// Readiness is the "listening on" line, never a sleep.
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace api_test {

using namespace std::chrono_literals;

// A folder under the system's temp folder, removed with everything in it.
class TempFolder {
public:
    TempFolder();
    ~TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

void write_file(const std::filesystem::path& file, std::string_view bytes);
std::string read_file(const std::filesystem::path& file);

// The sample site put in each service's public folder.
struct SampleSite {
    static std::string index_html();
    static std::string portal_js();
    static std::string portal_wasm();   // a valid (empty) module with a custom section, so it compresses
};

// A child process with its stdout and stderr collected by a reader thread.
class ChildProcess {
public:
    explicit ChildProcess(const std::vector<std::string>& command);
    ~ChildProcess();  // SIGKILL if still running
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // Waits until stdout holds a full line (the first one is returned) or the
    // process closes it; nothing on timeout or early exit.
    std::optional<std::string> wait_for_first_line(std::chrono::milliseconds timeout);
    bool wait_for_stderr(std::string_view text, std::chrono::milliseconds timeout);

    void send_signal(int signal);
    // Exit code, 128 + signal number if killed by one, or nullopt on timeout.
    std::optional<int> wait_for_exit(std::chrono::milliseconds timeout);

    std::string stdout_text();
    std::string stderr_text();
    bool running() const { return !exit_code_; }
    pid_t pid() const { return pid_; }

private:
    void read_output(int out_fd, int err_fd);

    pid_t pid_ = -1;
    std::optional<int> exit_code_;
    std::thread reader_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::string out_, err_;
    bool out_closed_ = false;
};

struct ServiceOptions {
    std::optional<std::filesystem::path> database_path;  // default: a new file in the service's temp folder
    std::optional<int> port;                             // default: 0 (any free port)
    std::vector<std::string> extra_args;                 // e.g. {"--program", path}
};

// A service started with --demo (demo tenants, accounts, tickets, incident).
inline ServiceOptions demo_service() {
    ServiceOptions options;
    options.extra_args = {"--demo"};
    return options;
}

// A portal-web that started and is listening. Construction fails the test
// (with the service's stderr) if it does not print its listening line.
class ServiceProcess {
public:
    explicit ServiceProcess(ServiceOptions options = {});
    ~ServiceProcess();  // stops it with SIGTERM if a test did not

    int port() const { return port_; }
    const std::filesystem::path& public_dir() const { return public_dir_; }
    const std::filesystem::path& database_path() const { return database_path_; }
    const std::filesystem::path& temp_dir() const { return temp_.path(); }

    // A client that returns bodies exactly as sent (no automatic gunzip).
    httplib::Client client() const;

    // SIGTERM, then the exit code; nullopt if it did not exit within 5 s.
    std::optional<int> stop();

    ChildProcess& process() { return *process_; }

private:
    TempFolder temp_;
    std::filesystem::path public_dir_;
    std::filesystem::path database_path_;
    std::unique_ptr<ChildProcess> process_;
    int port_ = 0;
};

struct FinishedRun {
    std::optional<int> exit_code;  // nullopt: still running after the timeout (then killed)
    std::string out;
    std::string err;
};

// Runs portal-web with `args` until it exits, for starts that should fail.
FinishedRun run_portal_web(const std::vector<std::string>& args, std::chrono::milliseconds timeout = 5s);

// `portal-web admin --db DATABASE ARGS...` (what ./portal admin runs) until it exits.
FinishedRun run_admin(const std::filesystem::path& database, std::vector<std::string> args);
inline FinishedRun run_admin(const ServiceProcess& service, std::vector<std::string> args) {
    return run_admin(service.database_path(), std::move(args));
}

// The API token an `engineer token` or `operator invite` printed.
std::string printed_api_token(const std::string& out);

// Arguments for a start that should otherwise work: a fresh database and the
// sample site in `folder`.
std::vector<std::string> working_arguments(const TempFolder& folder);

std::string portal_web_binary();

}  // namespace api_test
