// A ticket's conversation (the comments table, migration 11): the
// customer's and support's replies and the service's automated ones, oldest
// first. Works inside the caller's transaction; SQLite failures throw
// DatabaseError (sqlite_statement).
#pragma once

#include "core/sla/business_calendar.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace web {

struct CommentRecord {
    int64_t id = 0;
    std::string ticket_id;
    std::optional<int64_t> author_id;            // none for automated replies
    std::string author_kind;                     // customer | support | automated
    std::string body;
    core::Instant created_at{};
    // The author as people know them, read with the comment.
    std::optional<std::string> author_email;
    std::optional<std::string> author_name;
};

class TicketComments {
public:
    explicit TicketComments(sqlite3* connection) : connection_(connection) {}

    // Returns the new comment's id.
    int64_t add(const std::string& ticket_id, const std::optional<int64_t>& author_id, const std::string& author_kind,
                const std::string& body, core::Instant at);

    std::vector<CommentRecord> of_ticket(const std::string& ticket_id);

private:
    sqlite3* connection_;
};

}  // namespace web
