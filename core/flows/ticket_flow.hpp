// One ticket: loading it, the comment thread, the customer confirming or
// reopening a solved ticket, support marking it solved, and escalation to a
// new, more urgent ticket. The ticket half of update().
#pragma once

#include "core/app.hpp"

namespace core {

using TicketActions = Handles<OpenTicket, EditComment, SendComment, TicketCommand, OpenEscalate, CloseEscalate,
                              EditEscalate, SubmitEscalate, Answered<HttpReply::TicketDetails>,
                              Answered<HttpReply::Comment>, Answered<HttpReply::Command>,
                              Answered<HttpReply::Escalate>, AttachToTicket, DownloadAttachment, Answered<HttpReply::Attachment>>;
std::vector<Effect> update_ticket(State& state, const Action& action);
// Entering #/tickets/<id>: fetch it (again: the thread may have grown).
std::vector<Effect> enter_ticket_screen(State& state, const std::string& id);

// Sends held files to a ticket (the file's bytes as the body; the service
// sniffs what it is): from the ticket screen, the HAR screen, and a request
// form's files once its ticket is filed. A file over the program's limit is
// refused here, with the reason in the notice.
std::vector<Effect> upload_attachments(State& state, const std::string& ticket_id, const std::vector<HeldFile>& files);
// How many files are on their way to this ticket.
int uploads_to(const State& state, const std::string& ticket_id);

}  // namespace core
