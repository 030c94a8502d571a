// Files on tickets (web/openapi.yaml):
//   POST /api/v1/tickets/{id}/attachments            a file, as the raw body (Content-Type and
//                                                    X-File-Name) or as the part "file" of a
//                                                    multipart/form-data body (Idempotency-Key)
//   GET  /api/v1/tickets/{id}/attachments            the ticket's attachments, oldest first
//   GET  /api/v1/tickets/{id}/attachments/{attachment}  the file's bytes
// Whoever may see the ticket may read them (404 otherwise, as for the
// ticket); whoever may comment may add one, while it is not closed. What a
// file is comes from its bytes (core/checks/attachment_kind), never from its
// name. A HAR file is read and sanitised again here (core/har): one that
// still holds a cookie value or a credential is refused, naming where, and
// what is kept is the service's own sanitised copy. Its size limit is the
// program's (attachments.max_megabytes), held while the body arrives (main.cpp);
// attachments of closed tickets go the program's number of days later:
// hidden from every read at once, deleted with the next file added.
#pragma once

#include "web/http/api_router.hpp"
#include "web/store/database.hpp"
#include "web/store/time_zones.hpp"
#include "web/tickets/ticket_events.hpp"
#include "web/tickets/ticket_store.hpp"

#include "core/program/program.hpp"


namespace web {

class AttachmentRoutes {
public:
    // `program`, `zones` and `events` must outlive the routes.
    AttachmentRoutes(Database& database, const core::Program& program, TimeZones& zones, TicketEvents& events)
        : database_(database), store_(database), program_(program), zones_(zones), events_(events) {}

    void add_to(ApiRouter& router);

private:
    void add(ApiCall& call);
    void list(ApiCall& call);
    void download(ApiCall& call);

    Database& database_;
    TicketStore store_;
    const core::Program& program_;
    TimeZones& zones_;
    TicketEvents& events_;
};

}  // namespace web
