// The tickets table (migrations 2, 9 and 11): reading pages newest opened
// first, one ticket by id, adding tickets with ids allocated in order
// (T-1001, T-1002, ...), and the changes of a ticket's life (status,
// severity, first response). Rows as stored; the SLA is worked out on the
// way out (ticket_json).
//
// Two ways in: TicketStore takes the database's lock itself and reports a
// failure as a one-line reason, never as a throw; TicketRows works on a
// connection inside the caller's transaction and throws DatabaseError
// (sqlite_statement), like the account tables.
#pragma once

#include "core/model/ticket_status.hpp"
#include "core/sla/business_calendar.hpp"
#include "web/store/database.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace web {

struct TicketRecord {
    std::string id;                              // "T-1001"; empty until inserted
    std::string route;                           // a route id of the program
    std::string summary;
    std::string plan;                            // a plan id of the program, the tenant's when filed
    int severity = 3;                            // 1 .. 4
    core::Instant opened_at{};
    std::string customer_time_zone;              // IANA name
    std::optional<core::Instant> first_response_at;   // a person's first answer
    core::TicketStatus status = core::TicketStatus::Open;
    std::string tenant;                          // slug; empty for tickets from before tenants
    std::optional<int64_t> opened_by;            // user id
    // What the customer submitted (core::TicketDraft's members).
    std::map<std::string, std::string> fields;
    std::map<std::string, std::string> answers;
    std::map<std::string, bool> checklist;
    std::optional<std::string> escalates;        // the ticket this one escalates
};

// Where a page of the newest-first list ends: the next page starts after it.
struct TicketPosition {
    core::Instant opened_at{};
    std::string id;
};

class TicketRows {
public:
    explicit TicketRows(sqlite3* connection) : connection_(connection) {}

    std::vector<TicketRecord> newest_first(int limit, const std::optional<TicketPosition>& after,
                                           const std::optional<std::vector<std::string>>& tenants);
    std::optional<TicketRecord> find(const std::string& id);
    int64_t count();
    // Gives each its id in order; call inside a transaction, so no other
    // writer hands out the same ids.
    void insert(std::vector<TicketRecord>& tickets);
    void insert(TicketRecord& ticket);

    // The tickets that escalate `id`, oldest first.
    std::vector<std::string> escalated_by(const std::string& id);

    void set_status(const std::string& id, core::TicketStatus status, core::Instant at);   // at: when it closed, if it did
    void set_severity(const std::string& id, int severity);
    // Only the first answer counts: a later one leaves the time as it is.
    void record_first_response(const std::string& id, core::Instant at);

private:
    sqlite3* connection_;
};

class TicketStore {
public:
    explicit TicketStore(Database& database) : database_(database) {}

    // Up to `limit` tickets, newest opened first (ties by id, descending),
    // starting after `after` when given, of the listed tenants only when
    // `tenants` is given.
    std::vector<TicketRecord> newest_first(int limit, const std::optional<TicketPosition>& after,
                                           const std::optional<std::vector<std::string>>& tenants, std::string& error);

    std::optional<TicketRecord> find(const std::string& id, std::string& error);

    int64_t count(std::string& error);

    // Inserts all or none, in one transaction, giving each its id in order.
    // Empty on success, else why it failed.
    std::string insert(std::vector<TicketRecord>& tickets);

private:
    Database& database_;
};

}  // namespace web
