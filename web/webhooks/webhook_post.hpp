// One attempt to hand a webhook to its receiver: an HTTP POST through
// libcurl that follows no redirect (a receiver that moved is told by the
// operator, not by a 3xx that could point anywhere) and gives up after 10
// seconds, so one slow receiver holds up the others only that long.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace web {

struct WebhookAnswer {
    std::optional<int> status;     // the receiver's HTTP status; none when it never answered
    std::string error;             // empty exactly when the status is 2xx

    bool delivered() const { return error.empty(); }
};

WebhookAnswer post_webhook(const std::string& url, const std::vector<std::pair<std::string, std::string>>& headers,
                           const std::string& body);

}  // namespace web
