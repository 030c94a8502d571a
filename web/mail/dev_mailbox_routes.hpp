// GET /api/v1/dev/mailbox, only when started with --demo: the e-mail the
// portal "sent", newest first, so invitations can be followed without a mail
// server. No session needed: it is a development aid, and its links are the
// demo's own. Without --demo the path does not exist (404); with --demo and
// --smtp mail goes to the server and the mailbox stays empty.
#pragma once

#include "web/http/api_router.hpp"
#include "web/store/database.hpp"
#include "web/mail/mail_delivery.hpp"

namespace web {

class DevMailboxRoutes {
public:
    DevMailboxRoutes(Database& database, MailDelivery& mail) : database_(database), mail_(mail) {}

    void add_to(ApiRouter& router);

private:
    Database& database_;
    MailDelivery& mail_;
};

}  // namespace web
