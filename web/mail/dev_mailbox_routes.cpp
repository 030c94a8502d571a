#include "web/mail/dev_mailbox_routes.hpp"

#include "web/http/json_response.hpp"
#include "web/mail/outbox.hpp"
#include "web/store/unix_time.hpp"

namespace web {

namespace {

constexpr int messages_shown = 200;

}  // namespace

void DevMailboxRoutes::add_to(ApiRouter& router) {
    router.add("GET", "/api/v1/dev/mailbox", Access::Anyone, [this](ApiCall& call) {
        mail_.fill_dev_mailbox();   // anything still in the outbox first
        std::vector<MailboxMessage> messages =
            database_.with_connection([](sqlite3* connection) { return Outbox(connection).dev_mailbox(messages_shown); });
        nlohmann::ordered_json items = nlohmann::ordered_json::array();
        for (const MailboxMessage& message : messages) {
            nlohmann::ordered_json item;
            item["to"] = message.message.to;
            item["subject"] = message.message.subject;
            item["body"] = message.message.body;
            item["link"] = message.message.link;
            item["sent_at"] = utc_text(message.sent_at);
            items.push_back(std::move(item));
        }
        nlohmann::ordered_json body;
        body["messages"] = std::move(items);
        send_json(call.response, 200, body);
    });
}

}  // namespace web
