#include "fake_smtp_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace api_test {

FakeSmtpServer::FakeSmtpServer(int refuse_first) : refuse_left_(refuse_first) {
    listener_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (listener_ < 0 || bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || listen(listener_, 8) != 0)
        throw std::runtime_error("fake SMTP server: cannot listen");
    socklen_t length = sizeof address;
    getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
}

FakeSmtpServer::~FakeSmtpServer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    shutdown(listener_, SHUT_RDWR);
    if (thread_.joinable()) thread_.join();
    close(listener_);
}

std::optional<ReceivedMail> FakeSmtpServer::wait_for_mail(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    if (!arrived_.wait_for(lock, timeout, [&] { return !received_.empty(); })) return std::nullopt;
    ReceivedMail mail = received_.front();
    received_.erase(received_.begin());
    return mail;
}

int FakeSmtpServer::refused() const {
    std::lock_guard lock(mutex_);
    return refused_;
}

void FakeSmtpServer::serve() {
    while (true) {
        pollfd wanted{listener_, POLLIN, 0};
        poll(&wanted, 1, 100);
        {
            std::lock_guard lock(mutex_);
            if (stopping_) return;
        }
        if (!(wanted.revents & POLLIN)) continue;
        int connection = accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
        if (connection < 0) continue;
        talk(connection);
        close(connection);
    }
}

void FakeSmtpServer::talk(int connection) {
    std::string buffer;
    auto send_line = [&](const std::string& line) {
        std::string text = line + "\r\n";
        (void)!write(connection, text.data(), text.size());
    };
    auto read_line = [&](std::string& line) {
        while (true) {
            size_t end = buffer.find("\r\n");
            if (end != std::string::npos) {
                line = buffer.substr(0, end);
                buffer.erase(0, end + 2);
                return true;
            }
            char chunk[1024];
            ssize_t count = read(connection, chunk, sizeof chunk);
            if (count <= 0) return false;
            buffer.append(chunk, size_t(count));
        }
    };
    auto argument = [](const std::string& line) {
        size_t open = line.find('<'), close = line.rfind('>');
        return open == std::string::npos || close == std::string::npos ? line : line.substr(open + 1, close - open - 1);
    };

    ReceivedMail mail;
    send_line("220 fake.test ESMTP ready");
    std::string line;
    while (read_line(line)) {
        if (line.starts_with("EHLO ")) {
            mail.hello = line.substr(5);
            send_line("250-fake.test");
            send_line("250 8BITMIME");
        } else if (line.starts_with("MAIL FROM:")) {
            mail.from = argument(line);
            send_line("250 OK");
        } else if (line.starts_with("RCPT TO:")) {
            mail.to = argument(line);
            send_line("250 OK");
        } else if (line == "DATA") {
            send_line("354 go ahead");
            std::string data;
            while (read_line(line) && line != ".") data += line + "\r\n";
            mail.data = data;
            std::lock_guard lock(mutex_);
            if (refuse_left_ > 0) {
                refuse_left_--;
                refused_++;
                send_line("451 try again later");
            } else {
                received_.push_back(mail);
                arrived_.notify_all();
                send_line("250 queued");
            }
        } else if (line == "QUIT") {
            send_line("221 bye");
            return;
        } else {
            send_line("502 not here");
        }
    }
}

}  // namespace api_test
