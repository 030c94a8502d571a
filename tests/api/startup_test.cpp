// Starting and stopping the service: clear one-line failures a person can
// act on, a database created and migrated on first start, and clean shutdown.
#include "service_process.hpp"

#include "core/program/program.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <csignal>

using api_test::FinishedRun;
using api_test::ServiceProcess;
using api_test::TempFolder;

namespace {

std::vector<std::string> with(std::vector<std::string> args, const std::string& name, const std::string& value) {
    for (size_t i = 0; i + 1 < args.size(); i++)
        if (args[i] == name) {
            args[i + 1] = value;
            return args;
        }
    args.push_back(name);
    args.push_back(value);
    return args;
}

// The run failed with exit code 1 and exactly one line on stderr, which is returned.
std::string single_failure_line(const FinishedRun& run) {
    INFO("stderr: ", run.err);
    CHECK(run.exit_code == std::optional<int>(1));
    CHECK(run.out.find("listening on") == std::string::npos);
    REQUIRE(!run.err.empty());
    CHECK(run.err.back() == '\n');
    CHECK(run.err.find('\n') == run.err.size() - 1);
    return run.err.substr(0, run.err.size() - 1);
}

struct MigrationRow {
    int version;
    std::string name;
};

std::vector<MigrationRow> recorded_migrations(const std::filesystem::path& database) {
    sqlite3* connection = nullptr;
    REQUIRE(sqlite3_open_v2(database.c_str(), &connection, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    std::vector<MigrationRow> rows;
    REQUIRE(sqlite3_prepare_v2(connection, "SELECT version, name FROM schema_migrations ORDER BY version", -1, &statement, nullptr) == SQLITE_OK);
    while (sqlite3_step(statement) == SQLITE_ROW)
        rows.push_back({sqlite3_column_int(statement, 0), reinterpret_cast<const char*>(sqlite3_column_text(statement, 1))});
    sqlite3_finalize(statement);
    sqlite3_close(connection);
    return rows;
}

std::string single_text(const std::filesystem::path& database, const char* sql) {
    sqlite3* connection = nullptr;
    REQUIRE(sqlite3_open(database.c_str(), &connection) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(connection, sql, -1, &statement, nullptr) == SQLITE_OK);
    std::string text;
    if (sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0))
        text = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
    sqlite3_close(connection);
    return text;
}

void execute(const std::filesystem::path& database, const char* sql) {
    sqlite3* connection = nullptr;
    REQUIRE(sqlite3_open(database.c_str(), &connection) == SQLITE_OK);
    CHECK(sqlite3_exec(connection, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(connection);
}

}  // namespace

TEST_CASE("the database is created on first start, in WAL mode, with its migrations recorded") {
    TempFolder folder;
    std::filesystem::path database = folder.path() / "data" / "portal.sqlite3";
    std::filesystem::create_directories(database.parent_path());
    REQUIRE(!std::filesystem::exists(database));

    api_test::ServiceOptions options;
    options.database_path = database;
    {
        ServiceProcess service(options);
        CHECK(std::filesystem::exists(database));
        CHECK(service.stop() == std::optional<int>(0));
    }
    std::vector<MigrationRow> rows = recorded_migrations(database);
    REQUIRE(!rows.empty());
    CHECK(rows.front().version == 1);
    for (size_t i = 0; i < rows.size(); i++) {
        CHECK(rows[i].version == int(i) + 1);  // applied in order, none skipped
        CHECK(!rows[i].name.empty());
    }
    CHECK(single_text(database, "PRAGMA journal_mode") == "wal");

    SUBCASE("a second start keeps the database and applies nothing twice") {
        ServiceProcess again(options);
        CHECK(again.stop() == std::optional<int>(0));
        CHECK(recorded_migrations(database).size() == rows.size());
    }

    SUBCASE("a database from a newer service is refused, not damaged") {
        execute(database, "INSERT INTO schema_migrations(version, name) VALUES (999, 'from the future')");
        std::vector<std::string> args = with(api_test::working_arguments(folder), "--db", database.string());
        std::string line = single_failure_line(api_test::run_portal_web(args));
        CHECK(line.starts_with("portal-web: cannot migrate database " + database.string() + ": "));
        CHECK(line.find("999") != std::string::npos);
    }
}

TEST_CASE("a second service on the same port fails with one clear line") {
    ServiceProcess first;
    TempFolder folder;
    std::vector<std::string> args = with(api_test::working_arguments(folder), "--port", std::to_string(first.port()));
    std::string line = single_failure_line(api_test::run_portal_web(args));
    CHECK(line == "portal-web: port " + std::to_string(first.port()) + " on 127.0.0.1 is already in use (is another portal running?)");

    // The first one is unharmed.
    httplib::Client client = first.client();
    httplib::Result health = client.Get("/api/v1/health");
    REQUIRE(health);
    CHECK(health->status == 200);
}

TEST_CASE("a database that cannot be written fails with one clear line") {
    TempFolder folder;
    SUBCASE("a path that cannot exist") {
        std::string path = "/proc/nope/x.sqlite3";
        std::string line = single_failure_line(api_test::run_portal_web(with(api_test::working_arguments(folder), "--db", path)));
        CHECK(line == "portal-web: cannot open database " + path + ": unable to open database file");
    }
    SUBCASE("a folder in its place") {
        std::filesystem::path path = folder.path() / "a-folder.sqlite3";
        std::filesystem::create_directories(path);
        std::string line = single_failure_line(api_test::run_portal_web(with(api_test::working_arguments(folder), "--db", path.string())));
        CHECK(line.starts_with("portal-web: cannot open database " + path.string() + ": "));
    }
}

TEST_CASE("an invalid program file fails with a line naming the bad field") {
    TempFolder folder;
    nlohmann::json program = nlohmann::json::parse(core::default_program_json());
    REQUIRE(program["routes"][0]["fields"].size() > 0);
    program["routes"][0]["fields"][0]["kind"] = "colour";
    std::filesystem::path file = folder.path() / "program.json";
    std::string text = program.dump(2);
    api_test::write_file(file, text);
    core::Parsed<core::Program> parsed = core::parse_program(text);
    REQUIRE(!parsed);

    std::string line = single_failure_line(api_test::run_portal_web(with(api_test::working_arguments(folder), "--program", file.string())));
    CHECK(line == "portal-web: program file " + file.string() + " rejected: " + parsed.error);
    CHECK(line.find("routes[0].fields[0].kind") != std::string::npos);

    SUBCASE("a missing program file") {
        std::string missing = (folder.path() / "nope.json").string();
        std::string line = single_failure_line(api_test::run_portal_web(with(api_test::working_arguments(folder), "--program", missing)));
        CHECK(line == "portal-web: cannot read program file " + missing + ": No such file or directory");
    }
}

TEST_CASE("a missing public folder fails with one clear line") {
    TempFolder folder;
    std::string missing = (folder.path() / "no-public").string();
    std::string line = single_failure_line(api_test::run_portal_web(with(api_test::working_arguments(folder), "--public", missing)));
    CHECK(line == "portal-web: public folder " + missing + " does not exist");
    CHECK(!std::filesystem::exists(folder.path() / "portal.sqlite3"));  // nothing created for a start that failed early
}

TEST_CASE("SIGTERM and SIGINT stop the service promptly with exit code 0") {
    for (int signal : {SIGTERM, SIGINT}) {
        CAPTURE(signal);
        ServiceProcess service;
        // A kept-alive connection must not hold up the shutdown.
        httplib::Client client = service.client();
        client.set_keep_alive(true);
        REQUIRE(client.Get("/api/v1/health"));

        auto started = std::chrono::steady_clock::now();
        service.process().send_signal(signal);
        std::optional<int> exit_code = service.process().wait_for_exit(std::chrono::seconds(5));
        auto took = std::chrono::steady_clock::now() - started;
        INFO("stderr: ", service.process().stderr_text());
        CHECK(exit_code == std::optional<int>(0));
        CHECK(took < std::chrono::seconds(2));
    }
}

TEST_CASE("the command line is checked") {
    FinishedRun run = api_test::run_portal_web({"--port", "http", "--db", "x", "--public", "."});
    CHECK(run.exit_code == std::optional<int>(2));
    CHECK(run.err.starts_with("portal-web: --port must be a number"));

    FinishedRun help = api_test::run_portal_web({"--help"});
    CHECK(help.exit_code == std::optional<int>(0));
    CHECK(help.out.starts_with("usage: portal-web"));
}
