#include "web/store/sqlite_statement.hpp"

#include "web/store/unix_time.hpp"

#include <sqlite3.h>

namespace web {

namespace {

[[noreturn]] void fail(sqlite3* connection, std::string_view what) {
    throw DatabaseError(std::string(what) + ": " + sqlite3_errmsg(connection));
}

}  // namespace

Statement::Statement(sqlite3* connection, std::string_view sql) : connection_(connection) {
    if (sqlite3_prepare_v2(connection, sql.data(), int(sql.size()), &statement_, nullptr) != SQLITE_OK)
        fail(connection, "preparing \"" + std::string(sql.substr(0, 60)) + "\"");
}

Statement::~Statement() { sqlite3_finalize(statement_); }

Statement& Statement::bind(int index, int64_t value) {
    sqlite3_bind_int64(statement_, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text(statement_, index, text.data(), int(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
    sqlite3_bind_blob64(statement_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, const std::optional<int64_t>& value) {
    return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
    return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

Statement& Statement::bind(int index, core::Instant time) { return bind(index, unix_seconds(time)); }

Statement& Statement::bind(int index, const std::optional<core::Instant>& time) {
    return time ? bind(index, *time) : bind_null(index);
}

Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(statement_, index);
    return *this;
}

bool Statement::step() {
    int status = sqlite3_step(statement_);
    if (status == SQLITE_ROW) return true;
    if (status == SQLITE_DONE) return false;
    fail(connection_, std::string("running \"") + std::string(std::string_view(sqlite3_sql(statement_)).substr(0, 60)) + "\"");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

int64_t Statement::integer(int column) const { return sqlite3_column_int64(statement_, column); }

std::string Statement::text(int column) const {
    const unsigned char* text = sqlite3_column_text(statement_, column);
    return text ? std::string(reinterpret_cast<const char*>(text), size_t(sqlite3_column_bytes(statement_, column))) : std::string();
}

std::string Statement::blob(int column) const {
    const void* bytes = sqlite3_column_blob(statement_, column);
    return bytes ? std::string(static_cast<const char*>(bytes), size_t(sqlite3_column_bytes(statement_, column))) : std::string();
}

bool Statement::is_null(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

std::optional<int64_t> Statement::optional_integer(int column) const {
    if (is_null(column)) return std::nullopt;
    return integer(column);
}

std::optional<std::string> Statement::optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
}

core::Instant Statement::instant(int column) const { return instant_from_unix(integer(column)); }

std::optional<core::Instant> Statement::optional_instant(int column) const {
    if (is_null(column)) return std::nullopt;
    return instant(column);
}

Transaction::Transaction(sqlite3* connection) : connection_(connection) { run_sql(connection, "BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!finished_) sqlite3_exec(connection_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    run_sql(connection_, "COMMIT");
    finished_ = true;
}

void run_sql(sqlite3* connection, const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(connection, sql, nullptr, nullptr, &message) == SQLITE_OK) return;
    std::string error = message ? message : sqlite3_errmsg(connection);
    sqlite3_free(message);
    throw DatabaseError(error);
}

int64_t last_insert_id(sqlite3* connection) { return sqlite3_last_insert_rowid(connection); }

int changed_rows(sqlite3* connection) { return sqlite3_changes(connection); }

}  // namespace web
