// The service's connection pool (web/store/database): a request reads on a
// connection of its own, so it never waits behind a writer that waits for
// SQLite's write lock; writers are ordered by SQLite, and many at once all
// succeed, each ticket with its own number.
#include "service_process.hpp"
#include "signed_in_client.hpp"
#include "ticket_drafts.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using api_test::ServiceProcess;
using api_test::SignedInClient;
using nlohmann::json;

namespace {

// A connection of the test's own to the service's database file, holding
// SQLite's write lock (as a backup or another instance could) until released.
class WriteLockHolder {
public:
    explicit WriteLockHolder(const std::filesystem::path& database) {
        REQUIRE(sqlite3_open(database.c_str(), &connection_) == SQLITE_OK);
        REQUIRE(sqlite3_exec(connection_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    ~WriteLockHolder() { sqlite3_close(connection_); }
    void release() { sqlite3_exec(connection_, "ROLLBACK", nullptr, nullptr, nullptr); }

private:
    sqlite3* connection_ = nullptr;
};

}  // namespace

TEST_CASE("a reader answers while a writer waits for the write lock") {
    api_test::TempFolder folder;
    api_test::ServiceOptions options = api_test::demo_service();
    options.database_path = folder.path() / "portal.sqlite3";
    ServiceProcess service(options);
    SignedInClient writer(service, "admin@acme.example");
    SignedInClient reader(service, "admin@acme.example");

    WriteLockHolder lock(*options.database_path);
    std::atomic<bool> filed = false;
    int filed_status = 0;
    std::thread filing([&] {
        // Waits in SQLite (busy_timeout) for the lock this test holds.
        const httplib::Result answer = writer.post_once("/api/v1/tickets", api_test::onboarding_draft());
        filed_status = answer ? answer->status : 0;
        filed = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));   // the filing is waiting by now

    // With one connection behind a mutex this list would wait until the
    // filing gave up; on a connection of its own it answers at once.
    const httplib::Result list = reader.get("/api/v1/tickets?limit=5");
    REQUIRE(list);
    CHECK(list->status == 200);
    CHECK_FALSE(filed.load());   // answered while the writer still waited

    lock.release();
    filing.join();
    CHECK(filed_status == 201);
}

TEST_CASE("tickets filed from eight clients at once are all filed, each under its own number") {
    ServiceProcess service(api_test::demo_service());
    const int clients = 8, each = 6;
    std::vector<std::unique_ptr<SignedInClient>> signed_in;
    for (int i = 0; i < clients; i++) signed_in.push_back(std::make_unique<SignedInClient>(service, "admin@acme.example"));

    std::mutex mutex;
    std::vector<int> statuses;
    std::set<std::string> ids;
    std::vector<std::thread> threads;
    for (int i = 0; i < clients; i++) {
        threads.emplace_back([&, i] {
            for (int n = 0; n < each; n++) {
                const httplib::Result answer = signed_in[i]->post_once("/api/v1/tickets", api_test::onboarding_draft());
                std::lock_guard guard(mutex);
                statuses.push_back(answer ? answer->status : 0);
                if (answer && answer->status == 201) ids.insert(api_test::parse_json(answer->body)["id"].get<std::string>());
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    CHECK(statuses == std::vector<int>(clients * each, 201));
    CHECK(ids.size() == size_t(clients * each));
}

TEST_CASE("--db-connections takes 1 to 64") {
    for (const char* wrong : {"0", "65", "many"}) {
        api_test::FinishedRun run =
            api_test::run_portal_web({"--port", "0", "--db", "x", "--public", ".", "--db-connections", wrong});
        CHECK(run.exit_code == std::optional<int>(2));
        CHECK(run.err.find("--db-connections must be a number from 1 to 64") != std::string::npos);
    }
    api_test::ServiceOptions one = api_test::demo_service();
    one.extra_args.insert(one.extra_args.end(), {"--db-connections", "1"});
    ServiceProcess service(one);   // one connection still serves, writes and reads
    SignedInClient admin(service, "admin@acme.example");
    CHECK(admin.post_once("/api/v1/tickets", api_test::onboarding_draft())->status == 201);
    CHECK(admin.get("/api/v1/tickets?limit=1")->status == 200);
}
