#include "web/tickets/ticket_filing.hpp"

#include "web/tickets/ticket_comments.hpp"

#include "core/sla/response_terms.hpp"

namespace web {

std::string acknowledgement_text(const TicketRecord& ticket, const core::Program& program) {
    std::string text = "We received your request and filed it as ticket " + ticket.id + ".";
    if (ticket.escalates) text += " It escalates " + *ticket.escalates + ", which stays as it is.";
    // A plan the program no longer knows promises nothing: the sentence says so.
    const core::Parsed<core::ResponseTerms> terms = core::response_terms(program, ticket.plan, ticket.severity);
    return text + " " + core::response_promise(terms ? *terms : core::ResponseTerms{}) +
           ". A support engineer's reply will appear here.";
}

void file_ticket(sqlite3* connection, TicketRecord& ticket, const core::Program& program,
                 const std::optional<std::string>& first_comment) {
    TicketRows(connection).insert(ticket);
    TicketComments comments(connection);
    if (first_comment) comments.add(ticket.id, ticket.opened_by, "customer", *first_comment, ticket.opened_at);
    comments.add(ticket.id, std::nullopt, "automated", acknowledgement_text(ticket, program), ticket.opened_at);
}

}  // namespace web
