#include "web/mail/smtp_client.hpp"

#include "web/accounts/secret_token.hpp"

#include "core/text/mail_header.hpp"

#include <curl/curl.h>

#include <charconv>
#include <chrono>
#include <cstring>
#include <ctime>
#include <memory>

namespace web {

namespace {

// Addresses come from our own checks, but no line break may reach the
// envelope or the header block whatever a caller passes.
std::string one_line(const std::string& text) {
    std::string out;
    for (char c : text) out += (c == '\r' || c == '\n') ? ' ' : c;
    return out;
}

std::string rfc5322_date(core::Instant now) {
    std::time_t seconds = std::chrono::system_clock::to_time_t(now);
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

// What libcurl reads the message from, a piece at a time.
struct Upload {
    std::string_view rest;
};

size_t read_upload(char* buffer, size_t size, size_t count, void* user) {
    Upload& upload = *static_cast<Upload*>(user);
    size_t n = std::min(size * count, upload.rest.size());
    std::memcpy(buffer, upload.rest.data(), n);
    upload.rest.remove_prefix(n);
    return n;
}

using Curl = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using Recipients = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

}  // namespace

std::optional<SmtpServer> parse_smtp_server(const std::string& text) {
    SmtpServer server;
    std::string_view rest = text;
    if (rest.starts_with("smtp://")) {
        server.security = SmtpSecurity::StartTls;
        rest.remove_prefix(7);
    } else if (rest.starts_with("smtps://")) {
        server.security = SmtpSecurity::Tls;
        rest.remove_prefix(8);
    }
    if (rest.ends_with('/')) rest.remove_suffix(1);
    size_t colon = rest.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == rest.size()) return std::nullopt;
    server.host = std::string(rest.substr(0, colon));
    if (server.host.front() == '[') {
        if (server.host.back() != ']' || server.host.size() < 3) return std::nullopt;
        server.host = server.host.substr(1, server.host.size() - 2);
    } else if (server.host.find_first_of(":/@?#") != std::string::npos) {
        return std::nullopt;   // an IPv6 address needs its brackets; no user or path in the address
    }
    const char* begin = rest.data() + colon + 1;
    const char* end = rest.data() + rest.size();
    auto [stop, error] = std::from_chars(begin, end, server.port);
    if (error != std::errc() || stop != end || server.port < 1 || server.port > 65535) return std::nullopt;
    return server;
}

std::string smtp_message(const std::string& from, const MailMessage& message, core::Instant now, const std::string& message_id) {
    std::string data;
    data += "From: " + one_line(from) + "\r\n";
    data += "To: " + one_line(message.to) + "\r\n";
    data += "Subject: " + core::mail_header_text(message.subject) + "\r\n";
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
        data += line + "\r\n";
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return data;
}

std::string send_by_smtp(const SmtpServer& server, const std::string& from, const MailMessage& message, core::Instant now) {
    if (!server.user.empty() && server.security == SmtpSecurity::Plain)
        return "a login needs TLS (smtp:// or smtps://); the password was not sent";
    Curl curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) return "cannot start libcurl";

    const std::string hello = domain_of(from);
    const bool bracketed = server.host.find(':') != std::string::npos;
    const std::string host = bracketed ? "[" + server.host + "]" : server.host;
    // The URL's path is the name libcurl gives in EHLO.
    const std::string url = std::string(server.security == SmtpSecurity::Tls ? "smtps://" : "smtp://") + host + ":" +
                            std::to_string(server.port) + "/" + hello;
    const std::string sender = "<" + one_line(from) + ">";
    const std::string recipient = "<" + one_line(message.to) + ">";
    Recipients recipients(curl_slist_append(nullptr, recipient.c_str()), &curl_slist_free_all);
    const std::string data = smtp_message(from, message, now, random_hex(16) + "@" + hello);
    Upload upload{data};
    char detail[CURL_ERROR_SIZE] = "";

    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(c, CURLOPT_USE_SSL, server.security == SmtpSecurity::Plain ? CURLUSESSL_NONE : CURLUSESSL_ALL);
    if (!server.user.empty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, server.user.c_str());
        curl_easy_setopt(c, CURLOPT_PASSWORD, server.password.c_str());
    }
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, sender.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);   // a background thread: no SIGALRM for name lookups
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, detail);

    const CURLcode result = curl_easy_perform(c);
    if (result == CURLE_OK) return {};
    long code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    std::string error = detail[0] ? detail : curl_easy_strerror(result);
    if (code) error += " (the server answered " + std::to_string(code) + ")";
    return error;
}

}  // namespace web
