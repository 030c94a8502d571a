#include "web/store/database.hpp"

#include "web/store/migrations.hpp"

#include <sqlite3.h>

#include <chrono>
#include <string_view>
#include <thread>

namespace web {

namespace {

std::string execute(sqlite3* connection, const char* sql) {   // empty or the error message
    char* message = nullptr;
    if (sqlite3_exec(connection, sql, nullptr, nullptr, &message) == SQLITE_OK) return {};
    std::string error = message ? message : sqlite3_errmsg(connection);
    sqlite3_free(message);
    return error;
}

// While another connection holds the write lock: try again soon, for up to
// about 5 s. SQLite's busy_timeout sleeps up to 100 ms between tries, so
// under a steady stream of writes a writer could sleep through many commits
// and wait far longer than the lock was held.
int wait_for_write_lock(void*, int tries) {
    if (tries >= 10000) return 0;   // about 5 s of tries half a millisecond apart
    std::this_thread::sleep_for(std::chrono::microseconds(500));
    return 1;
}

// One connection as every one is set: SQLite's own locking off (one thread
// uses it at a time, the pool sees to that), waits for another writer,
// foreign keys checked, commits synced. Null and the reason on failure.
sqlite3* open_connection(const std::string& path, std::string& error) {
    sqlite3* connection = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int status = sqlite3_open_v2(path.c_str(), &connection, flags, nullptr);
    if (status != SQLITE_OK) {
        error = "cannot open database " + path + ": " + (connection ? sqlite3_errmsg(connection) : sqlite3_errstr(status));
        sqlite3_close_v2(connection);
        return nullptr;
    }
    // SQLite quietly opens a file it may not write read-only; the service needs to write.
    if (sqlite3_db_readonly(connection, "main") == 1) {
        error = "cannot open database " + path + ": the file is read-only";
        sqlite3_close_v2(connection);
        return nullptr;
    }
    // Another connection of the pool (or another process: a backup, the CLI)
    // may hold the write lock; a writer waits for it rather than failing.
    sqlite3_busy_handler(connection, wait_for_write_lock, nullptr);
    sqlite3_extended_result_codes(connection, 1);
    // 16 MiB of page cache per connection instead of SQLite's 2 MiB: a
    // tenant's 10,000 users with their memberships are about 3 MiB, and a
    // list page reads all of them, so with less every request would read
    // them from the OS again. synchronous=FULL syncs the WAL on every
    // commit, so a committed ticket survives a power cut as well as a crash.
    // Debian's default in WAL mode, but builds differ: said, not assumed.
    if (std::string failure = execute(connection, "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA cache_size=-16384");
        !failure.empty()) {
        error = "cannot open database " + path + ": " + failure;
        sqlite3_close_v2(connection);
        return nullptr;
    }
    return connection;
}

}  // namespace

std::unique_ptr<Database> Database::open(const std::string& path, std::string& error, int connections) {
    std::unique_ptr<Database> database(new Database());
    sqlite3* first = open_connection(path, error);
    if (!first) return nullptr;
    database->all_.push_back(first);
    database->idle_.push_back(first);

    // journal_mode answers with the mode it ended up in; anything but "wal"
    // means the folder does not allow the -wal and -shm files. The mode is
    // the file's: set once, every later connection finds it.
    sqlite3_stmt* statement = nullptr;
    std::string mode;
    if (sqlite3_prepare_v2(first, "PRAGMA journal_mode=WAL", -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
        mode = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    }
    if (mode != "wal") {
        std::string reason = mode.empty() ? sqlite3_errmsg(first) : "cannot switch to WAL mode (journal mode is " + mode + ")";
        sqlite3_finalize(statement);
        error = "cannot open database " + path + ": " + reason;
        return nullptr;
    }
    sqlite3_finalize(statement);

    if (std::string failure = database->migrate(first); !failure.empty()) {
        error = "cannot migrate database " + path + ": " + failure;
        return nullptr;
    }
    for (int i = 1; i < connections; ++i) {
        sqlite3* more = open_connection(path, error);
        if (!more) return nullptr;
        database->all_.push_back(more);
        database->idle_.push_back(more);
    }
    return database;
}

Database::~Database() {
    // sqlite3_close_v2 finishes the WAL checkpoint and removes the -wal/-shm
    // files on a clean stop (when the last connection closes).
    for (sqlite3* connection : all_) sqlite3_close_v2(connection);
}

sqlite3* Database::acquire() {
    std::unique_lock lock(mutex_);
    returned_.wait(lock, [this] { return !idle_.empty(); });
    sqlite3* connection = idle_.back();
    idle_.pop_back();
    return connection;
}

void Database::release(sqlite3* connection) {
    {
        std::lock_guard lock(mutex_);
        idle_.push_back(connection);
    }
    returned_.notify_one();
}

int Database::schema_version() {
    return with_connection([](sqlite3* connection) {
        sqlite3_stmt* statement = nullptr;
        int version = 0;
        if (sqlite3_prepare_v2(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", -1, &statement,
                               nullptr) == SQLITE_OK &&
            sqlite3_step(statement) == SQLITE_ROW) {
            version = sqlite3_column_int(statement, 0);
        }
        sqlite3_finalize(statement);
        return version;
    });
}

std::string Database::migrate(sqlite3* connection) {
    std::string error = execute(connection,
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "  version INTEGER PRIMARY KEY,"
        "  name TEXT NOT NULL,"
        "  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
        ")");
    if (!error.empty()) return error;

    std::span<const Migration> migrations = schema_migrations();
    int newest_known = migrations.empty() ? 0 : migrations.back().version;
    int current = schema_version();
    // A database written by a newer service would be damaged by this older one.
    if (current > newest_known)
        return "its schema version " + std::to_string(current) + " is newer than this portal-web knows (" +
               std::to_string(newest_known) + "); use a newer portal-web";

    for (const Migration& migration : migrations) {
        if (migration.version <= current) continue;
        // Each migration and its record commit together or not at all.
        if (error = execute(connection, "BEGIN IMMEDIATE"); !error.empty()) return error;
        if (!migration.sql.empty()) error = execute(connection, std::string(migration.sql).c_str());
        if (error.empty()) {
            sqlite3_stmt* record = nullptr;
            if (sqlite3_prepare_v2(connection, "INSERT INTO schema_migrations(version, name) VALUES(?, ?)", -1, &record, nullptr) != SQLITE_OK) {
                error = sqlite3_errmsg(connection);
            } else {
                sqlite3_bind_int(record, 1, migration.version);
                sqlite3_bind_text(record, 2, migration.name.data(), int(migration.name.size()), SQLITE_STATIC);
                if (sqlite3_step(record) != SQLITE_DONE) error = sqlite3_errmsg(connection);
            }
            sqlite3_finalize(record);
        }
        if (!error.empty()) {
            execute(connection, "ROLLBACK");
            return "migration " + std::to_string(migration.version) + " (" + std::string(migration.name) + ") failed: " + error;
        }
        if (error = execute(connection, "COMMIT"); !error.empty()) return error;
    }
    return {};
}

std::string Database::check() {
    return with_connection([](sqlite3* connection) {
        sqlite3_stmt* statement = nullptr;
        std::string error;
        // A table's page, not "SELECT 1", which SQLite answers without the file.
        if (sqlite3_prepare_v2(connection, "SELECT COUNT(*) FROM schema_migrations", -1, &statement, nullptr) != SQLITE_OK ||
            sqlite3_step(statement) != SQLITE_ROW) {
            error = sqlite3_errmsg(connection);
        }
        sqlite3_finalize(statement);
        return error;
    });
}

}  // namespace web
