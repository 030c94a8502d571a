#include "web/tickets/ticket_comments.hpp"

#include "web/store/sqlite_statement.hpp"

namespace web {

int64_t TicketComments::add(const std::string& ticket_id, const std::optional<int64_t>& author_id, const std::string& author_kind,
                            const std::string& body, core::Instant at) {
    Statement insert(connection_,
                     "INSERT INTO comments(ticket_id, author_id, author_kind, body, created_at) VALUES(?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, ticket_id).bind(2, author_id).bind(3, author_kind).bind(4, body).bind(5, at).run();
    return last_insert_id(connection_);
}

std::vector<CommentRecord> TicketComments::of_ticket(const std::string& ticket_id) {
    Statement query(connection_,
                    "SELECT c.id, c.ticket_id, c.author_id, c.author_kind, c.body, c.created_at, u.email, u.name"
                    " FROM comments c LEFT JOIN users u ON u.id = c.author_id"
                    " WHERE c.ticket_id = ?1 ORDER BY c.created_at, c.id");
    query.bind(1, ticket_id);
    std::vector<CommentRecord> comments;
    while (query.step())
        comments.push_back(CommentRecord{query.integer(0), query.text(1), query.optional_integer(2), query.text(3), query.text(4),
                                         query.instant(5), query.optional_text(6), query.optional_text(7)});
    return comments;
}

}  // namespace web
