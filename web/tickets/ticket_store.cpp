#include "web/tickets/ticket_store.hpp"

#include "core/text/json_reader.hpp"
#include "web/store/sqlite_statement.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace web {

namespace {

constexpr const char* ticket_columns =
    "id, route, summary, plan, severity, opened_at, customer_time_zone, first_response_at, status, tenant, opened_by,"
    " fields_json, answers_json, checklist_json, escalates";

// Ticket numbers start here so ids all have the same width for a long while.
constexpr int64_t first_ticket_number = 1001;

// A JSON object as stored; a column that is not one (written by hand, say)
// reads as empty rather than failing the whole ticket.
template <class Value>
std::map<std::string, Value> map_of(const std::string& text) {
    std::map<std::string, Value> map;
    nlohmann::json object = core::read_json(text);
    if (!object.is_object()) return map;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if constexpr (std::is_same_v<Value, bool>) {
            if (it->is_boolean()) map[it.key()] = it->get<bool>();
        } else {
            if (it->is_string()) map[it.key()] = it->get<std::string>();
        }
    }
    return map;
}

template <class Value>
std::string stored_json(const std::map<std::string, Value>& map) {
    return nlohmann::json(map).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The row the statement is on, its columns in the order of ticket_columns.
TicketRecord read_ticket(const Statement& row) {
    TicketRecord ticket;
    ticket.id = row.text(0);
    ticket.route = row.text(1);
    ticket.summary = row.text(2);
    ticket.plan = row.text(3);
    ticket.severity = int(row.integer(4));
    ticket.opened_at = row.instant(5);
    ticket.customer_time_zone = row.text(6);
    ticket.first_response_at = row.optional_instant(7);
    // Only the service writes this column, always through to_string.
    ticket.status = core::parse_ticket_status(row.text(8)).value_or(core::TicketStatus::Open);
    ticket.tenant = row.text(9);
    ticket.opened_by = row.optional_integer(10);
    ticket.fields = map_of<std::string>(row.text(11));
    ticket.answers = map_of<std::string>(row.text(12));
    ticket.checklist = map_of<bool>(row.text(13));
    ticket.escalates = row.optional_text(14);
    return ticket;
}

std::string ticket_id(int64_t number) { return "T-" + std::to_string(number); }

// Runs `work` holding the database's lock, turning a DatabaseError into `error`.
template <class Result, class Work>
Result reporting(Database& database, std::string& error, Work&& work) {
    return database.with_connection([&](sqlite3* connection) -> Result {
        try {
            return work(connection);
        } catch (const DatabaseError& failure) {
            error = failure.what();
            return Result();
        }
    });
}

}  // namespace

std::vector<TicketRecord> TicketRows::newest_first(int limit, const std::optional<TicketPosition>& after,
                                                   const std::optional<std::vector<std::string>>& tenants) {
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
    Statement query(connection_, sql);
    query.bind(1, int64_t(limit));
    if (after) query.bind(2, after->opened_at).bind(3, after->id);
    if (tenants)
        for (size_t i = 0; i < tenants->size(); i++) query.bind(int(4 + i), (*tenants)[i]);
    while (query.step()) tickets.push_back(read_ticket(query));
    return tickets;
}

std::optional<TicketRecord> TicketRows::find(const std::string& id) {
    Statement query(connection_, std::string("SELECT ") + ticket_columns + " FROM tickets WHERE id = ?1");
    query.bind(1, id);
    if (!query.step()) return std::nullopt;
    return read_ticket(query);
}

int64_t TicketRows::count() {
    Statement query(connection_, "SELECT COUNT(*) FROM tickets");
    query.step();
    return query.integer(0);
}

void TicketRows::insert(std::vector<TicketRecord>& tickets) {
    int64_t next_number = first_ticket_number;
    {
        Statement highest(connection_, "SELECT MAX(CAST(substr(id, 3) AS INTEGER)) FROM tickets WHERE id LIKE 'T-%'");
        if (highest.step() && !highest.is_null(0)) next_number = std::max<int64_t>(next_number, highest.integer(0) + 1);
    }
    Statement insert(connection_,
                     "INSERT INTO tickets(id, route, summary, plan, severity, opened_at, customer_time_zone, first_response_at,"
                     " status, tenant, opened_by, fields_json, answers_json, checklist_json, escalates)"
                     " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    for (TicketRecord& ticket : tickets) {
        ticket.id = ticket_id(next_number++);
        insert.bind(1, ticket.id).bind(2, ticket.route).bind(3, ticket.summary).bind(4, ticket.plan);
        insert.bind(5, int64_t(ticket.severity)).bind(6, ticket.opened_at).bind(7, ticket.customer_time_zone);
        insert.bind(8, ticket.first_response_at).bind(9, core::to_string(ticket.status));
        if (ticket.tenant.empty())
            insert.bind_null(10);
        else
            insert.bind(10, ticket.tenant);
        insert.bind(11, ticket.opened_by).bind(12, stored_json(ticket.fields)).bind(13, stored_json(ticket.answers));
        insert.bind(14, stored_json(ticket.checklist)).bind(15, ticket.escalates);
        insert.run();
        insert.reset();
    }
}

void TicketRows::insert(TicketRecord& ticket) {
    std::vector<TicketRecord> one = {std::move(ticket)};
    insert(one);
    ticket = std::move(one.front());
}

std::vector<std::string> TicketRows::escalated_by(const std::string& id) {
    Statement query(connection_, "SELECT id FROM tickets WHERE escalates = ?1 ORDER BY opened_at, id");
    query.bind(1, id);
    std::vector<std::string> ids;
    while (query.step()) ids.push_back(query.text(0));
    return ids;
}

void TicketRows::set_status(const std::string& id, core::TicketStatus status, core::Instant at) {
    // closed_at counts the days until the ticket's attachments are deleted.
    Statement update(connection_, "UPDATE tickets SET status = ?2, closed_at = CASE WHEN ?2 = 'closed' THEN ?3 END WHERE id = ?1");
    update.bind(1, id).bind(2, core::to_string(status)).bind(3, at).run();
}

void TicketRows::set_severity(const std::string& id, int severity) {
    Statement update(connection_, "UPDATE tickets SET severity = ?2 WHERE id = ?1");
    update.bind(1, id).bind(2, int64_t(severity)).run();
}

void TicketRows::record_first_response(const std::string& id, core::Instant at) {
    Statement update(connection_, "UPDATE tickets SET first_response_at = ?2 WHERE id = ?1 AND first_response_at IS NULL");
    update.bind(1, id).bind(2, at).run();
}

std::vector<TicketRecord> TicketStore::newest_first(int limit, const std::optional<TicketPosition>& after,
                                                    const std::optional<std::vector<std::string>>& tenants, std::string& error) {
    return reporting<std::vector<TicketRecord>>(
        database_, error, [&](sqlite3* connection) { return TicketRows(connection).newest_first(limit, after, tenants); });
}

std::optional<TicketRecord> TicketStore::find(const std::string& id, std::string& error) {
    return reporting<std::optional<TicketRecord>>(database_, error,
                                                  [&](sqlite3* connection) { return TicketRows(connection).find(id); });
}

int64_t TicketStore::count(std::string& error) {
    return reporting<int64_t>(database_, error, [](sqlite3* connection) { return TicketRows(connection).count(); });
}

std::string TicketStore::insert(std::vector<TicketRecord>& tickets) {
    std::string error;
    // IMMEDIATE (Transaction) takes the write lock before the highest number
    // is read, so another writer (the CLI one day) cannot hand out the same id.
    bool inserted = reporting<bool>(database_, error, [&](sqlite3* connection) {
        Transaction transaction(connection);
        TicketRows(connection).insert(tickets);
        transaction.commit();
        return true;
    });
    if (!inserted)
        for (TicketRecord& ticket : tickets) ticket.id.clear();
    return error;
}

}  // namespace web
