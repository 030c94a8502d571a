#include "migrations.hpp"

namespace web {

namespace {

const Migration migrations[] = {
    // The starting point: no domain tables yet. Recording it lets every later
    // migration rely on a database that has been through the mechanism once.
    {1, "baseline", ""},

    // Support tickets. Times are unix seconds (UTC); the customer's zone is
    // kept by name so deadlines follow their wall clock, DST included.
    // first_response_at is a person's first answer: automated replies never
    // set it, so the SLA clock keeps running through them.
    {2, "tickets",
     "CREATE TABLE tickets ("
     "  id TEXT PRIMARY KEY,"                                   // "T-1001", numbered in order by ticket_store
     "  route TEXT NOT NULL,"
     "  summary TEXT NOT NULL,"
     "  plan TEXT NOT NULL,"
     "  severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 4),"
     "  opened_at INTEGER NOT NULL,"
     "  customer_time_zone TEXT NOT NULL,"
     "  first_response_at INTEGER,"
     "  status TEXT NOT NULL DEFAULT 'open',"
     "  created_at INTEGER NOT NULL DEFAULT (CAST(strftime('%s', 'now') AS INTEGER))"
     ");"
     // The list's order, newest opened first, with the id breaking ties.
     "CREATE INDEX tickets_newest_first ON tickets(opened_at DESC, id DESC);"},
};

}  // namespace

std::span<const Migration> schema_migrations() { return migrations; }

}  // namespace web
