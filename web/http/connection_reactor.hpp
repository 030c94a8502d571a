// Every client connection lives here between requests, on one thread that
// waits on all of them at once (epoll), so a client that sends a header line
// every few seconds costs a little memory, never a worker. A request goes to
// a worker only once it has arrived whole and within its limits; the worker's
// answer comes back here to be written out, however slowly the client reads.
//
// Deadlines, checked on every connection: an idle kept-alive connection is
// closed, a request whose head or body takes too long gets 408, an answer the
// client stops reading is dropped. Too many connections, in all or
// from one address, are turned away with 503 before anything is read.
#pragma once

#include "web/http/http_request_reader.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace web {

struct ConnectionLimits {
    RequestLimits request;
    std::chrono::milliseconds idle_keep_alive{5000};     // between requests on one connection
    std::chrono::milliseconds head_arrival{10000};       // from a request's first byte to its blank line
    std::chrono::milliseconds body_arrival{30000};       // from the blank line to the body's last byte
    std::chrono::milliseconds answer_delivery{30000};    // the longest an answer may wait for the client to read on
    size_t connections = 2048;                          // open at once, in all
    size_t connections_per_address = 128;               // open at once from one client address
    size_t requests_per_connection = 100;
    size_t workers = 8;                                 // threads that run handlers
    size_t large_bodies_at_once = 4;                    // bodies past request.body_bytes being read at once, in all
};

struct PeerAddress {
    std::string remote_ip;
    int remote_port = 0;
    std::string local_ip;
    int local_port = 0;
};

// One answer, as bytes on the wire.
struct Exchange {
    std::string response;
    bool close = false;   // the connection ends after this answer
};

// Runs on a worker: answers a whole request. `must_close` says the
// connection ends after it, so the answer should say "Connection: close".
using ExchangeHandler = std::function<Exchange(FramedRequest&& request, const PeerAddress& peer, bool must_close)>;

class ConnectionReactor {
public:
    ConnectionReactor(const ConnectionLimits& limits, ExchangeHandler handler);
    ~ConnectionReactor();
    ConnectionReactor(const ConnectionReactor&) = delete;
    ConnectionReactor& operator=(const ConnectionReactor&) = delete;

    // Takes an accepted socket and answers on it from now on. Any thread.
    void adopt(int socket);

    // Lets requests in progress finish, closes every connection and joins the
    // threads. Called by the destructor too.
    void stop();

    const ConnectionLimits& limits() const { return limits_; }

private:
    struct Connection;
    struct Completion {
        uint64_t id;
        Exchange exchange;
    };
    using Clock = std::chrono::steady_clock;

    void run();
    void work();
    void take_new_sockets();
    void take_completions();
    void on_event(Connection& connection, uint32_t events);
    void read_from(Connection& connection);
    void consume_input(Connection& connection);
    void start_answer(Connection& connection, Exchange exchange, bool drain);
    void write_to(Connection& connection);
    void after_answer(Connection& connection);
    void expire(Clock::time_point now);
    void refuse(Connection& connection, int status, const std::string& detail);
    std::chrono::milliseconds body_arrival(const RequestReader& reader) const;
    void release_large_body(Connection& connection);
    void watch(Connection& connection, uint32_t events);
    void close(uint64_t id);

    const ConnectionLimits limits_;
    const ExchangeHandler handler_;
    int epoll_ = -1;
    int wake_ = -1;   // eventfd: new sockets, finished work, stop

    std::mutex mutex_;   // guards what other threads hand to the reactor thread
    std::vector<int> new_sockets_;
    std::vector<Completion> completions_;
    bool stopping_ = false;

    std::mutex jobs_mutex_;
    std::condition_variable jobs_ready_;
    std::deque<std::function<void()>> jobs_;
    bool workers_stopping_ = false;

    // Reactor thread only.
    size_t large_bodies_ = 0;
    std::unordered_map<uint64_t, std::unique_ptr<Connection>> connections_;
    std::unordered_map<std::string, size_t> per_address_;
    uint64_t next_id_ = 1;
    Clock::time_point next_expiry_check_;

    std::vector<std::thread> workers_;
    std::thread reactor_;
};

}  // namespace web
