// Prepared statements and transactions for the account tables (users,
// sessions, invitations, ...). A failing SQLite call throws DatabaseError:
// the open Transaction rolls back as the exception leaves its scope, and the
// request ends as a 500 problem through http_service's exception handler,
// with the reason in the log. Use only inside Database::with_connection.
#pragma once

#include "core/sla/business_calendar.hpp"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace web {

struct DatabaseError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Statement {
public:
    Statement(sqlite3* connection, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Parameters are numbered from 1, as in the SQL (?1, ?2, ...).
    Statement& bind(int index, int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::optional<int64_t>& value);
    Statement& bind(int index, const std::optional<std::string>& text);
    // Times go in as INTEGER unix seconds, the columns' form.
    Statement& bind(int index, core::Instant time);
    Statement& bind(int index, const std::optional<core::Instant>& time);
    Statement& bind_null(int index);
    // Bytes that are not text (an attachment's file) as a BLOB.
    Statement& bind_blob(int index, std::string_view bytes);

    // Moves to the next row: true while there is one, false when done.
    bool step();
    // Runs a statement that returns no rows (INSERT, UPDATE, DELETE).
    void run();
    // Ready to run again with new parameters.
    void reset();

    // Columns of the current row, numbered from 0.
    int64_t integer(int column) const;
    std::string text(int column) const;
    std::string blob(int column) const;
    bool is_null(int column) const;
    std::optional<int64_t> optional_integer(int column) const;
    std::optional<std::string> optional_text(int column) const;
    // An INTEGER unix-seconds column as a time.
    core::Instant instant(int column) const;
    std::optional<core::Instant> optional_instant(int column) const;

private:
    sqlite3* connection_;
    sqlite3_stmt* statement_ = nullptr;
};

// BEGIN IMMEDIATE on construction (the write lock is taken at once, so two
// writers never both read and then both write); ROLLBACK unless commit() ran.
class Transaction {
public:
    explicit Transaction(sqlite3* connection);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    sqlite3* connection_;
    bool finished_ = false;
};

// Runs SQL without parameters or results (may hold several statements).
void run_sql(sqlite3* connection, const char* sql);

// The rowid the last INSERT on this connection gave.
int64_t last_insert_id(sqlite3* connection);

// Rows the last INSERT, UPDATE or DELETE changed.
int changed_rows(sqlite3* connection);

}  // namespace web
