#include "ticket_store.hpp"

#include <sqlite3.h>

#include <algorithm>

namespace web {

namespace {

constexpr const char* ticket_columns =
    "id, route, summary, plan, severity, opened_at, customer_time_zone, first_response_at, status, tenant, opened_by";

// Ticket numbers start here so ids all have the same width for a long while.
constexpr int64_t first_ticket_number = 1001;

// A prepared statement that finalizes itself on every path out.
class Statement {
public:
    Statement(sqlite3* connection, const char* sql) { sqlite3_prepare_v2(connection, sql, -1, &statement_, nullptr); }
    ~Statement() { sqlite3_finalize(statement_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    explicit operator bool() const { return statement_ != nullptr; }
    sqlite3_stmt* get() const { return statement_; }

    void bind(int index, int64_t value) { sqlite3_bind_int64(statement_, index, value); }
    void bind(int index, const std::string& text) {
        sqlite3_bind_text(statement_, index, text.data(), int(text.size()), SQLITE_TRANSIENT);
    }
    void bind_null(int index) { sqlite3_bind_null(statement_, index); }
    void bind(int index, const std::optional<int64_t>& value) {
        if (value)
            sqlite3_bind_int64(statement_, index, *value);
        else
            sqlite3_bind_null(statement_, index);
    }

private:
    sqlite3_stmt* statement_ = nullptr;
};

std::string text_column(sqlite3_stmt* statement, int column) {
    const unsigned char* text = sqlite3_column_text(statement, column);
    return text ? std::string(reinterpret_cast<const char*>(text), size_t(sqlite3_column_bytes(statement, column))) : std::string();
}

// The row the statement is on, its columns in the order of ticket_columns.
TicketRecord read_ticket(sqlite3_stmt* statement) {
    TicketRecord ticket;
    ticket.id = text_column(statement, 0);
    ticket.route = text_column(statement, 1);
    ticket.summary = text_column(statement, 2);
    ticket.plan = text_column(statement, 3);
    ticket.severity = sqlite3_column_int(statement, 4);
    ticket.opened_at = sqlite3_column_int64(statement, 5);
    ticket.customer_time_zone = text_column(statement, 6);
    if (sqlite3_column_type(statement, 7) != SQLITE_NULL) ticket.first_response_at = sqlite3_column_int64(statement, 7);
    ticket.status = text_column(statement, 8);
    ticket.tenant = text_column(statement, 9);
    if (sqlite3_column_type(statement, 10) != SQLITE_NULL) ticket.opened_by = sqlite3_column_int64(statement, 10);
    return ticket;
}

std::string ticket_id(int64_t number) { return "T-" + std::to_string(number); }

std::string execute(sqlite3* connection, const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(connection, sql, nullptr, nullptr, &message) == SQLITE_OK) return {};
    std::string error = message ? message : sqlite3_errmsg(connection);
    sqlite3_free(message);
    return error;
}

}  // namespace

std::vector<TicketRecord> TicketStore::newest_first(int limit, const std::optional<TicketPosition>& after,
                                                    const std::optional<std::vector<std::string>>& tenants, std::string& error) {
    return database_.with_connection([&](sqlite3* connection) {
        std::vector<TicketRecord> tickets;
        if (tenants && tenants->empty()) return tickets;
        // Keyset paging: a page starts strictly after the last row of the one
        // before, so rows added meanwhile neither repeat nor shift the pages.
        // ?1 limit, ?2/?3 the position, ?4... the tenants.
        std::string sql = std::string("SELECT ") + ticket_columns + " FROM tickets WHERE 1";
        if (after) sql += " AND (opened_at, id) < (?2, ?3)";
        if (tenants) {
            sql += " AND tenant IN (";
            for (size_t i = 0; i < tenants->size(); i++) sql += (i ? ", ?" : "?") + std::to_string(4 + i);
            sql += ")";
        }
        sql += " ORDER BY opened_at DESC, id DESC LIMIT ?1";
        Statement statement(connection, sql.c_str());
        if (!statement) {
            error = sqlite3_errmsg(connection);
            return tickets;
        }
        statement.bind(1, int64_t(limit));
        if (after) {
            statement.bind(2, after->opened_at);
            statement.bind(3, after->id);
        }
        if (tenants)
            for (size_t i = 0; i < tenants->size(); i++) statement.bind(int(4 + i), (*tenants)[i]);
        int status;
        while ((status = sqlite3_step(statement.get())) == SQLITE_ROW) tickets.push_back(read_ticket(statement.get()));
        if (status != SQLITE_DONE) error = sqlite3_errmsg(connection);
        return tickets;
    });
}

std::optional<TicketRecord> TicketStore::find(const std::string& id, std::string& error) {
    return database_.with_connection([&](sqlite3* connection) -> std::optional<TicketRecord> {
        std::string sql = std::string("SELECT ") + ticket_columns + " FROM tickets WHERE id = ?1";
        Statement statement(connection, sql.c_str());
        if (!statement) {
            error = sqlite3_errmsg(connection);
            return std::nullopt;
        }
        statement.bind(1, id);
        int status = sqlite3_step(statement.get());
        if (status == SQLITE_ROW) return read_ticket(statement.get());
        if (status != SQLITE_DONE) error = sqlite3_errmsg(connection);
        return std::nullopt;
    });
}

int64_t TicketStore::count(std::string& error) {
    return database_.with_connection([&](sqlite3* connection) -> int64_t {
        Statement statement(connection, "SELECT COUNT(*) FROM tickets");
        if (!statement || sqlite3_step(statement.get()) != SQLITE_ROW) {
            error = sqlite3_errmsg(connection);
            return 0;
        }
        return sqlite3_column_int64(statement.get(), 0);
    });
}

std::string TicketStore::insert(std::vector<TicketRecord>& tickets) {
    return database_.with_connection([&](sqlite3* connection) -> std::string {
        // IMMEDIATE takes the write lock before the highest number is read,
        // so another writer (the CLI one day) cannot hand out the same id.
        if (std::string error = execute(connection, "BEGIN IMMEDIATE"); !error.empty()) return error;
        auto fail = [&](std::string error) {
            execute(connection, "ROLLBACK");
            for (TicketRecord& ticket : tickets) ticket.id.clear();
            return error;
        };

        int64_t next_number = first_ticket_number;
        {
            Statement highest(connection,
                              "SELECT MAX(CAST(substr(id, 3) AS INTEGER)) FROM tickets WHERE id LIKE 'T-%'");
            if (!highest || sqlite3_step(highest.get()) != SQLITE_ROW) return fail(sqlite3_errmsg(connection));
            if (sqlite3_column_type(highest.get(), 0) != SQLITE_NULL)
                next_number = std::max<int64_t>(next_number, sqlite3_column_int64(highest.get(), 0) + 1);
        }

        Statement insert(connection,
                         "INSERT INTO tickets(id, route, summary, plan, severity, opened_at, customer_time_zone,"
                         " first_response_at, status, tenant, opened_by) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
        if (!insert) return fail(sqlite3_errmsg(connection));
        for (TicketRecord& ticket : tickets) {
            ticket.id = ticket_id(next_number++);
            insert.bind(1, ticket.id);
            insert.bind(2, ticket.route);
            insert.bind(3, ticket.summary);
            insert.bind(4, ticket.plan);
            insert.bind(5, int64_t(ticket.severity));
            insert.bind(6, ticket.opened_at);
            insert.bind(7, ticket.customer_time_zone);
            insert.bind(8, ticket.first_response_at);
            insert.bind(9, ticket.status);
            if (ticket.tenant.empty())
                insert.bind_null(10);
            else
                insert.bind(10, ticket.tenant);
            insert.bind(11, ticket.opened_by);
            if (sqlite3_step(insert.get()) != SQLITE_DONE) return fail(ticket.id + ": " + sqlite3_errmsg(connection));
            sqlite3_reset(insert.get());
        }
        if (std::string error = execute(connection, "COMMIT"); !error.empty()) return fail(error);
        return std::string();
    });
}

}  // namespace web
