// A mail server for the tests: accepts SMTP on a free loopback port, answers
// every command as a relay would, and keeps what it was given. Waiting for a
// message blocks on a condition variable, never a sleep.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace api_test {

struct ReceivedMail {
    std::string hello;       // the EHLO argument
    std::string from;        // MAIL FROM:<...>
    std::string to;          // RCPT TO:<...>
    std::string data;        // as sent after DATA, CRLFs and dot-stuffing included, without the final "."
};

class FakeSmtpServer {
public:
    // `refuse_first` messages are answered 451 (try later) after DATA.
    explicit FakeSmtpServer(int refuse_first = 0);
    ~FakeSmtpServer();
    FakeSmtpServer(const FakeSmtpServer&) = delete;
    FakeSmtpServer& operator=(const FakeSmtpServer&) = delete;

    int port() const { return port_; }
    std::optional<ReceivedMail> wait_for_mail(std::chrono::milliseconds timeout);
    int refused() const;

private:
    void serve();
    void talk(int connection);

    int listener_ = -1;
    int port_ = 0;
    int refuse_left_;
    int refused_ = 0;
    bool stopping_ = false;
    mutable std::mutex mutex_;
    std::condition_variable arrived_;
    std::vector<ReceivedMail> received_;
    std::thread thread_;
};

}  // namespace api_test
