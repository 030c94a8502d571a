#include "ticket_filing.hpp"

#include "ticket_comments.hpp"

#include "core/response_terms.hpp"

namespace web {

std::string acknowledgement_text(const TicketRecord& ticket, const core::Program& program) {
    std::string text = "We received your request and filed it as ticket " + ticket.id + ".";
    if (ticket.escalates) text += " It escalates " + *ticket.escalates + ", which stays as it is.";
    core::ResponseTermsResult terms = core::response_terms(program, ticket.plan, ticket.severity);
    if (terms && terms.terms.target && terms.terms.support && terms.terms.severity)
        text += " " + terms.terms.support->name + " responds to Severity " + std::to_string(ticket.severity) + " (" +
                terms.terms.severity->name + ") requests within " + terms.terms.target->label +
                "; a support engineer's reply will appear here.";
    else
        text += " A support engineer will reply here; your plan has no response-time target for this request.";
    return text;
}

void file_ticket(sqlite3* connection, TicketRecord& ticket, const core::Program& program,
                 const std::optional<std::string>& first_comment) {
    TicketRows(connection).insert(ticket);
    TicketComments comments(connection);
    if (first_comment) comments.add(ticket.id, ticket.opened_by, "customer", *first_comment, ticket.opened_at);
    comments.add(ticket.id, std::nullopt, "automated", acknowledgement_text(ticket, program), ticket.opened_at);
}

}  // namespace web
