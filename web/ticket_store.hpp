// The tickets table (migrations 2 and 9): reading pages newest opened
// first, one ticket by id, and adding tickets with ids allocated in order
// (T-1001, T-1002, ...). Rows as stored; the SLA is worked out on the way
// out (ticket_json). Failures come back as a one-line reason, never as a throw.
#pragma once

#include "database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace web {

struct TicketRecord {
    std::string id;                              // "T-1001"; empty until inserted
    std::string route;                           // a route id of the program
    std::string summary;
    std::string plan;                            // a plan id of the program
    int severity = 3;                            // 1 .. 4
    int64_t opened_at = 0;                       // unix seconds, UTC
    std::string customer_time_zone;              // IANA name
    std::optional<int64_t> first_response_at;    // a person's first answer
    std::string status = "open";
    std::string tenant;                          // slug; empty for tickets from before tenants
    std::optional<int64_t> opened_by;            // user id
};

// Where a page of the newest-first list ends: the next page starts after it.
struct TicketPosition {
    int64_t opened_at = 0;
    std::string id;
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
