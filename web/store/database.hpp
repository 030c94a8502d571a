// The service's SQLite database: opened (or created) at start in WAL mode with
// foreign keys on, then brought up to date by applying the migrations in
// order inside transactions. A pool of connections: each request leases one
// for the length of its work, so readers never wait for a writer (WAL), and
// SQLite itself serializes writers (busy_timeout; Transaction takes the
// write lock at BEGIN). Work that must be atomic uses a Transaction.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

struct sqlite3;

namespace web {

class Database {
public:
    // The service's 8 request workers, its mail and webhook threads.
    static constexpr int default_connections = 10;
    static constexpr int most_connections = 64;

    // Opens `connections` connections and migrates; on failure returns null
    // and a one-line reason in `error`.
    static std::unique_ptr<Database> open(const std::string& path, std::string& error,
                                          int connections = default_connections);
    ~Database();

    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Reads a small table; empty when the database answers, else SQLite's words for what went wrong.
    std::string check();

    int schema_version();

    // Runs work(connection) on a connection of its own, waiting for one when
    // all are leased: how the code for each table (ticket_store, ...) reaches
    // SQLite. The connection goes back to the pool when work returns or throws.
    template <class Work>
    auto with_connection(Work&& work) {
        Lease lease(*this);
        return work(lease.connection);
    }

    int connections() const { return static_cast<int>(all_.size()); }

private:
    Database() = default;

    struct Lease {
        explicit Lease(Database& database) : database(database), connection(database.acquire()) {}
        ~Lease() { database.release(connection); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Database& database;
        sqlite3* connection;
    };
    sqlite3* acquire();
    void release(sqlite3* connection);

    std::string migrate(sqlite3* connection);

    std::vector<sqlite3*> all_;    // every connection, closed with the database
    std::vector<sqlite3*> idle_;   // those not leased
    std::mutex mutex_;             // guards idle_
    std::condition_variable returned_;
};

}  // namespace web
