#include "web/tickets/ticket_details.hpp"

#include "web/accounts/account_store.hpp"
#include "web/tickets/ticket_comments.hpp"
#include "web/tickets/ticket_json.hpp"

namespace web {

nlohmann::ordered_json ticket_details(sqlite3* connection, const TicketRecord& ticket, const TicketParty& party,
                                      const core::Program& program, TimeZones& zones, core::Instant now) {
    TicketConversation conversation;
    if (ticket.opened_by) conversation.opened_by = AccountStore(connection).user_by_id(*ticket.opened_by);
    conversation.comments = TicketComments(connection).of_ticket(ticket.id);
    conversation.escalated_by = TicketRows(connection).escalated_by(ticket.id);
    conversation.attachments =
        AttachmentRows(connection).of_ticket(ticket.id, attachments_expired_before(now, program.attachments.delete_days_after_close));
    conversation.actions = allowed_actions(program, ticket, party);
    return ticket_details_json(ticket, conversation, program, zones, now);
}

}  // namespace web
