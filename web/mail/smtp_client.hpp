// Sending one message to an SMTP server (RFC 5321) through libcurl, which
// speaks SMTP, STARTTLS and authentication so that we do not: TLS and login
// mechanisms are not code to write again. Three ways to reach the server:
//   HOST:PORT          plain, to a relay next to the service (a local
//                      Postfix, MailHog, smtp4dev) that does the rest;
//   smtp://HOST:PORT   STARTTLS required, the certificate verified;
//   smtps://HOST:PORT  TLS from the first byte (port 465).
// A login (user and password) is only ever sent over TLS.
#pragma once

#include "web/mail/outbox.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace web {

enum class SmtpSecurity { Plain, StartTls, Tls };

struct SmtpServer {
    std::string host;
    int port = 25;
    SmtpSecurity security = SmtpSecurity::Plain;
    std::string user, password;   // both empty: no login
};

// "mail.example.com:25", "[::1]:2525", "smtp://mail.example.com:587",
// "smtps://mail.example.com:465"; nothing when it is none of these.
std::optional<SmtpServer> parse_smtp_server(const std::string& text);

// Empty on success, else which step failed and what the server said.
// Waits at most 10 seconds to connect and 30 for the whole message.
std::string send_by_smtp(const SmtpServer& server, const std::string& from, const MailMessage& message, core::Instant now);

// The message as libcurl sends it after DATA: headers, a blank line, the body
// with CRLF line ends. libcurl doubles leading dots and adds the final ".".
std::string smtp_message(const std::string& from, const MailMessage& message, core::Instant now, const std::string& message_id);

}  // namespace web
