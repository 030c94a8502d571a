#include "web/mail/smtp_client.hpp"

#include "web/http/base64url.hpp"
#include "web/accounts/secret_token.hpp"

#include <netdb.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <ctime>

namespace web {

namespace {

constexpr int step_timeout_seconds = 10;

// Header values come from our own data, but a tenant name could hold
// anything: no line breaks may reach the header block.
std::string one_line(const std::string& text) {
    std::string out;
    for (char c : text) out += (c == '\r' || c == '\n') ? ' ' : c;
    return out;
}

// RFC 2047: non-ASCII header text as an encoded word.
std::string header_text(const std::string& text) {
    std::string line = one_line(text);
    for (unsigned char c : line)
        if (c >= 0x80) return "=?UTF-8?B?" + base64_encode(line) + "?=";
    return line;
}

std::string rfc5322_date(int64_t now) {
    std::time_t seconds = std::time_t(now);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char text[64];
    std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[utc.tm_wday], utc.tm_mday,
                  months[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
    return text;
}

std::string domain_of(const std::string& address) {
    size_t at = address.rfind('@');
    return at == std::string::npos ? "localhost" : address.substr(at + 1);
}

class SmtpConnection {
public:
    ~SmtpConnection() {
        if (socket_ >= 0) close(socket_);
    }

    std::string open(const SmtpServer& server) {
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        addrinfo* addresses = nullptr;
        std::string port = std::to_string(server.port);
        if (int error = getaddrinfo(server.host.c_str(), port.c_str(), &hints, &addresses); error != 0)
            return "cannot resolve " + server.host + ": " + gai_strerror(error);
        std::string failure = "cannot connect to " + server.host + ":" + port;
        for (addrinfo* address = addresses; address; address = address->ai_next) {
            int fd = socket(address->ai_family, address->ai_socktype | SOCK_CLOEXEC, address->ai_protocol);
            if (fd < 0) continue;
            timeval timeout{step_timeout_seconds, 0};
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);   // also bounds connect()
            if (connect(fd, address->ai_addr, address->ai_addrlen) == 0) {
                socket_ = fd;
                break;
            }
            failure += std::string(": ") + std::strerror(errno);
            close(fd);
        }
        freeaddrinfo(addresses);
        return socket_ >= 0 ? std::string() : failure;
    }

    bool send_text(const std::string& text) {
        size_t sent = 0;
        while (sent < text.size()) {
            ssize_t count = ::send(socket_, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
            if (count < 0 && errno == EINTR) continue;
            if (count <= 0) return false;
            sent += size_t(count);
        }
        return true;
    }

    // The server's reply: its code (0 when the connection failed) and its
    // text. Multi-line replies ("250-...") end with a line "250 ...".
    int reply(std::string& text) {
        text.clear();
        while (true) {
            std::string line;
            if (!read_line(line)) return 0;
            text += line + "\n";
            if (line.size() < 3) return 0;
            if (line.size() == 3 || line[3] == ' ') {
                int code = 0;
                std::from_chars(line.data(), line.data() + 3, code);
                return code;
            }
        }
    }

private:
    bool read_line(std::string& line) {
        while (true) {
            size_t end = buffer_.find('\n');
            if (end != std::string::npos) {
                line = buffer_.substr(0, end);
                if (!line.empty() && line.back() == '\r') line.pop_back();
                buffer_.erase(0, end + 1);
                return true;
            }
            if (buffer_.size() > 64 * 1024) return false;   // no sane reply is that long
            char chunk[1024];
            ssize_t count = recv(socket_, chunk, sizeof chunk, 0);
            if (count < 0 && errno == EINTR) continue;
            if (count <= 0) return false;
            buffer_.append(chunk, size_t(count));
        }
    }

    int socket_ = -1;
    std::string buffer_;
};

}  // namespace

std::optional<SmtpServer> parse_smtp_server(const std::string& text) {
    size_t colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return std::nullopt;
    SmtpServer server;
    server.host = text.substr(0, colon);
    if (server.host.front() == '[') {
        if (server.host.back() != ']' || server.host.size() < 3) return std::nullopt;
        server.host = server.host.substr(1, server.host.size() - 2);
    } else if (server.host.find(':') != std::string::npos) {
        return std::nullopt;   // an IPv6 address needs its brackets
    }
    const char* begin = text.data() + colon + 1;
    const char* end = text.data() + text.size();
    auto [stop, error] = std::from_chars(begin, end, server.port);
    if (error != std::errc() || stop != end || server.port < 1 || server.port > 65535) return std::nullopt;
    return server;
}

std::string smtp_data(const std::string& from, const MailMessage& message, int64_t now, const std::string& message_id) {
    std::string data;
    data += "From: " + one_line(from) + "\r\n";
    data += "To: " + one_line(message.to) + "\r\n";
    data += "Subject: " + header_text(message.subject) + "\r\n";
    data += "Date: " + rfc5322_date(now) + "\r\n";
    data += "Message-ID: <" + message_id + ">\r\n";
    data += "MIME-Version: 1.0\r\n";
    data += "Content-Type: text/plain; charset=utf-8\r\n";
    data += "Content-Transfer-Encoding: 8bit\r\n";
    data += "\r\n";
    size_t start = 0;
    while (start < message.body.size()) {
        size_t end = message.body.find('\n', start);
        std::string line = message.body.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty() && line.front() == '.') line.insert(line.begin(), '.');   // RFC 5321 section 4.5.2
        data += line + "\r\n";
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return data + ".\r\n";
}

std::string send_by_smtp(const SmtpServer& server, const std::string& from, const MailMessage& message, int64_t now) {
    SmtpConnection connection;
    if (std::string error = connection.open(server); !error.empty()) return error;
    std::string text;
    auto expect = [&](const std::string& command, std::initializer_list<int> accepted) -> std::string {
        if (!command.empty() && !connection.send_text(command + "\r\n")) return "the connection closed before " + command;
        int code = connection.reply(text);
        for (int ok : accepted)
            if (code == ok) return {};
        std::string step = command.empty() ? "greeting" : command.substr(0, command.find(' '));
        return step + " answered " + (code ? std::to_string(code) + " " + one_line(text) : std::string("nothing"));
    };

    const std::string hello = domain_of(from);
    if (std::string error = expect("", {220}); !error.empty()) return error;
    if (std::string error = expect("EHLO " + hello, {250}); !error.empty()) {
        if (std::string again = expect("HELO " + hello, {250}); !again.empty()) return again;
    }
    if (std::string error = expect("MAIL FROM:<" + one_line(from) + ">", {250}); !error.empty()) return error;
    if (std::string error = expect("RCPT TO:<" + one_line(message.to) + ">", {250, 251}); !error.empty()) return error;
    if (std::string error = expect("DATA", {354}); !error.empty()) return error;
    std::string message_id = random_hex(16) + "@" + hello;
    if (!connection.send_text(smtp_data(from, message, now, message_id))) return "the connection closed during DATA";
    if (std::string error = expect("", {250}); !error.empty()) return "the message was refused: " + error;
    expect("QUIT", {221});   // the message is accepted; how the server says goodbye does not matter
    return {};
}

}  // namespace web
