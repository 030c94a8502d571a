// The service's SQLite database: opened (or created) at start in WAL mode with
// foreign keys on, then brought up to date by applying the migrations in
// order inside transactions. One connection, shared by the HTTP worker
// threads behind a mutex.
#pragma once

#include <mutex>
#include <memory>
#include <string>

struct sqlite3;

namespace web {

class Database {
public:
    // Opens and migrates; on failure returns null and a one-line reason in `error`.
    static std::unique_ptr<Database> open(const std::string& path, std::string& error);
    ~Database();

    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Reads a small table; empty when the database answers, else SQLite's words for what went wrong.
    std::string check();

    int schema_version();

    // Runs work(connection) holding the lock: how the code for each table
    // (ticket_store, ...) reaches SQLite without its own connection.
    template <class Work>
    auto with_connection(Work&& work) {
        std::lock_guard lock(mutex_);
        return work(connection_);
    }

private:
    explicit Database(sqlite3* connection) : connection_(connection) {}

    std::string execute(const char* sql);   // empty or the error message
    std::string migrate();

    sqlite3* connection_ = nullptr;
    std::mutex mutex_;
};

}  // namespace web
