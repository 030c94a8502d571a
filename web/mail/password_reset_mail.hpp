// The "Forgot password?" e-mail: the link (`{public URL}/#/reset-password/{token}`)
// that opens the portal's form to choose a new password, how long it works,
// and what to do when someone else asked for it.
#pragma once

#include "web/mail/outbox.hpp"

#include <string>

namespace web {

struct PasswordResetMailFacts {
    std::string product_name;   // from the support program: "Support Portal"
    std::string public_url;     // "http://127.0.0.1:8080"
    std::string token;
    std::string email;
    std::string requested_from; // the client address that asked
    core::Instant expires_at{};
};

std::string password_reset_link(const std::string& public_url, const std::string& token);

MailMessage password_reset_mail(const PasswordResetMailFacts& facts);

}  // namespace web
