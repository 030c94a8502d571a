// Sending one message to an SMTP server (RFC 5321) the simplest way that
// works with a local relay or a development catcher (MailHog, smtp4dev):
// plain TCP, EHLO, MAIL FROM, RCPT TO, DATA, QUIT. No TLS and no
// authentication: point --smtp at a relay on the same host or network that
// does those, as production mail setups usually do anyway.
#pragma once

#include "web/mail/outbox.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace web {

struct SmtpServer {
    std::string host;
    int port = 25;
};

// "mail.example.com:25", "[::1]:2525"; nothing when it is not HOST:PORT.
std::optional<SmtpServer> parse_smtp_server(const std::string& text);

// Empty on success, else which step failed and what the server said.
// Waits at most 10 seconds for each step.
std::string send_by_smtp(const SmtpServer& server, const std::string& from, const MailMessage& message, int64_t now);

// The message as it goes after DATA: headers, a blank line, the body with
// CRLF line ends and leading dots doubled, and the final "." line.
std::string smtp_data(const std::string& from, const MailMessage& message, int64_t now, const std::string& message_id);

}  // namespace web
