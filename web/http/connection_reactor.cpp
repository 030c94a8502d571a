#include "web/http/connection_reactor.hpp"

#include "web/http/problem.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <exception>

namespace web {

namespace {

constexpr uint64_t wake_id = 0;   // connection ids start at 1
constexpr size_t read_chunk = 64 * 1024;
constexpr auto drain_time = std::chrono::seconds(2);
constexpr auto expiry_check_interval = std::chrono::milliseconds(100);
const std::string continue_answer = "HTTP/1.1 100 Continue\r\n\r\n";

// Numeric address and port of either end of a socket.
void describe(const sockaddr_storage& address, std::string& ip, int& port) {
    char text[INET6_ADDRSTRLEN] = "";
    if (address.ss_family == AF_INET) {
        const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
        inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
        port = ntohs(v4.sin_port);
    } else if (address.ss_family == AF_INET6) {
        const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
        inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
        port = ntohs(v6.sin6_port);
    }
    ip = text;
}

PeerAddress peer_of(int socket) {
    PeerAddress peer;
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (getpeername(socket, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        describe(address, peer.remote_ip, peer.remote_port);
    length = sizeof address;
    if (getsockname(socket, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        describe(address, peer.local_ip, peer.local_port);
    return peer;
}

void wake(int event_fd) {
    uint64_t one = 1;
    [[maybe_unused]] ssize_t written = ::write(event_fd, &one, sizeof one);
}

void log_refusal(const std::string& ip, int status, const std::string& detail) {
    std::fprintf(stderr, "portal-web: refused a request from %s: %d %s\n", ip.c_str(), status, detail.c_str());
}

}  // namespace

struct ConnectionReactor::Connection {
    enum class Phase { Reading, Working, Writing, Draining };

    uint64_t id = 0;
    int socket = -1;
    PeerAddress peer;
    RequestReader reader;
    std::string input;                  // read, not yet taken by the reader (a pipelined request)
    Phase phase = Phase::Reading;
    std::string output;
    size_t written = 0;
    bool close_after = false;           // the answer being written is the last
    bool drain_after = false;           // read what the client still sends before closing, so it sees the answer
    bool input_ended = false;           // the client has sent all it will
    bool continue_sent = false;
    bool large_body = false;            // counted in large_bodies_ until its body is read
    bool registered = false;
    uint32_t watched = 0;
    size_t served = 0;
    Clock::time_point deadline;
    Clock::time_point waiting_since;    // for the next request
    Clock::time_point request_began;    // its first byte
    Clock::time_point head_arrived;     // its blank line
};

ConnectionReactor::ConnectionReactor(const ConnectionLimits& limits, ExchangeHandler handler)
    : limits_(limits), handler_(std::move(handler)) {
    epoll_ = epoll_create1(EPOLL_CLOEXEC);
    wake_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = wake_id;
    epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &event);
    for (size_t i = 0; i < limits_.workers; ++i) workers_.emplace_back([this] { work(); });
    reactor_ = std::thread([this] { run(); });
}

ConnectionReactor::~ConnectionReactor() { stop(); }

void ConnectionReactor::adopt(int socket) {
    {
        std::lock_guard lock(mutex_);
        if (!stopping_) {
            new_sockets_.push_back(socket);
            socket = -1;
        }
    }
    if (socket >= 0)
        ::close(socket);
    else
        wake(wake_);
}

void ConnectionReactor::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_ && !reactor_.joinable()) return;
        stopping_ = true;
    }
    wake(wake_);
    if (reactor_.joinable()) reactor_.join();
    {
        std::lock_guard lock(jobs_mutex_);
        workers_stopping_ = true;
    }
    jobs_ready_.notify_all();
    for (std::thread& worker : workers_) worker.join();
    workers_.clear();
    for (auto& [id, connection] : connections_) ::close(connection->socket);
    connections_.clear();
    for (int socket : new_sockets_) ::close(socket);
    new_sockets_.clear();
    if (epoll_ >= 0) ::close(epoll_);
    if (wake_ >= 0) ::close(wake_);
    epoll_ = wake_ = -1;
}

void ConnectionReactor::work() {
    while (true) {
        std::function<void()> job;
        {
            std::unique_lock lock(jobs_mutex_);
            jobs_ready_.wait(lock, [this] { return workers_stopping_ || !jobs_.empty(); });
            if (jobs_.empty()) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        job();
    }
}

void ConnectionReactor::run() {
    std::array<epoll_event, 64> events;
    next_expiry_check_ = Clock::now();
    while (true) {
        int count = epoll_wait(epoll_, events.data(), int(events.size()), int(expiry_check_interval.count()));
        for (int i = 0; i < count; ++i) {
            uint64_t id = events[i].data.u64;
            if (id == wake_id) {
                uint64_t ignored;
                [[maybe_unused]] ssize_t read = ::read(wake_, &ignored, sizeof ignored);
                continue;
            }
            auto found = connections_.find(id);
            if (found != connections_.end()) on_event(*found->second, events[i].events);
        }
        {
            std::lock_guard lock(mutex_);
            if (stopping_) return;
        }
        take_new_sockets();
        take_completions();
        Clock::time_point now = Clock::now();
        if (now >= next_expiry_check_) {
            expire(now);
            next_expiry_check_ = now + expiry_check_interval;
        }
    }
}

void ConnectionReactor::take_new_sockets() {
    std::vector<int> sockets;
    {
        std::lock_guard lock(mutex_);
        sockets.swap(new_sockets_);
    }
    for (int socket : sockets) {
        PeerAddress peer = peer_of(socket);
        size_t& from_address = per_address_[peer.remote_ip];
        if (connections_.size() >= limits_.connections || from_address >= limits_.connections_per_address) {
            // Turned away before a byte is read: a short answer, then gone.
            std::string answer = problem_answer_bytes(503, "The service has too many open connections; try again shortly.");
            [[maybe_unused]] ssize_t sent = send(socket, answer.data(), answer.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
            ::close(socket);
            if (from_address == 0) per_address_.erase(peer.remote_ip);
            log_refusal(peer.remote_ip, 503, "too many open connections");
            continue;
        }
        ++from_address;
        fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK);
        int yes = 1;
        setsockopt(socket, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);

        auto connection = std::make_unique<Connection>();
        connection->id = next_id_++;
        connection->socket = socket;
        connection->peer = std::move(peer);
        connection->reader = RequestReader(limits_.request);
        connection->waiting_since = Clock::now();
        connection->deadline = connection->waiting_since + limits_.head_arrival;
        Connection& added = *connection;
        connections_.emplace(added.id, std::move(connection));
        watch(added, EPOLLIN);
    }
}

void ConnectionReactor::take_completions() {
    std::vector<Completion> completions;
    {
        std::lock_guard lock(mutex_);
        completions.swap(completions_);
    }
    for (Completion& completion : completions) {
        auto found = connections_.find(completion.id);
        if (found == connections_.end()) continue;
        start_answer(*found->second, std::move(completion.exchange), false);
    }
}

void ConnectionReactor::watch(Connection& connection, uint32_t events) {
    if (connection.registered && connection.watched == events) return;
    epoll_event event{};
    event.events = events;
    event.data.u64 = connection.id;
    if (events == 0) {
        // Unwatched, not watched for nothing: a hang-up would still be
        // reported, over and over, while a worker answers.
        if (connection.registered) epoll_ctl(epoll_, EPOLL_CTL_DEL, connection.socket, nullptr);
        connection.registered = false;
    } else {
        epoll_ctl(epoll_, connection.registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, connection.socket, &event);
        connection.registered = true;
    }
    connection.watched = events;
}

void ConnectionReactor::on_event(Connection& connection, uint32_t events) {
    switch (connection.phase) {
        case Connection::Phase::Reading:
        case Connection::Phase::Draining:
            read_from(connection);
            break;
        case Connection::Phase::Writing:
            if (events & (EPOLLERR | EPOLLHUP))
                close(connection.id);
            else
                write_to(connection);
            break;
        case Connection::Phase::Working:
            break;
    }
}

void ConnectionReactor::read_from(Connection& connection) {
    static thread_local std::array<char, read_chunk> buffer;
    const bool draining = connection.phase == Connection::Phase::Draining;
    size_t received = 0;
    while (received < read_chunk) {
        ssize_t n = recv(connection.socket, buffer.data(), buffer.size(), 0);
        if (n > 0) {
            received += size_t(n);
            if (!draining) connection.input.append(buffer.data(), size_t(n));
        } else if (n == 0) {
            connection.input_ended = true;
            break;
        } else if (errno == EINTR) {
            continue;
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            break;
        } else {
            close(connection.id);
            return;
        }
    }
    if (draining) {
        if (connection.input_ended) close(connection.id);
        return;
    }
    const uint64_t id = connection.id;
    consume_input(connection);
    // The client has gone with no whole request to answer.
    auto still = connections_.find(id);
    if (still != connections_.end() && still->second->input_ended && still->second->phase == Connection::Phase::Reading)
        close(id);
}

void ConnectionReactor::consume_input(Connection& connection) {
    RequestReader& reader = connection.reader;
    const bool was_started = reader.started();
    const bool head_was_complete = reader.head_complete();
    size_t taken = reader.feed(connection.input);
    connection.input.erase(0, taken);
    Clock::time_point now = Clock::now();
    if (!was_started && reader.started()) connection.request_began = now;
    if (!head_was_complete && reader.head_complete()) {
        connection.head_arrived = now;
        // Bodies past the usual limit (file uploads) are buffered whole, so
        // only a few may arrive at once, whoever sends them.
        if (reader.body_limit() > limits_.request.body_bytes) {
            if (large_bodies_ >= limits_.large_bodies_at_once) {
                refuse(connection, 503, "Too many files are being uploaded at this moment: try again in a minute.");
                return;
            }
            connection.large_body = true;
            ++large_bodies_;
        }
    }

    if (reader.progress() != ReadProgress::NeedMore) release_large_body(connection);
    switch (reader.progress()) {
        case ReadProgress::Refused:
            refuse(connection, reader.refusal_status(), reader.refusal_detail());
            return;
        case ReadProgress::Complete: {
            connection.phase = Connection::Phase::Working;
            watch(connection, 0);
            bool must_close = connection.input_ended || connection.served + 1 >= limits_.requests_per_connection;
            auto job = [this, id = connection.id, peer = connection.peer, must_close,
                        request = std::make_shared<FramedRequest>(reader.take_request())]() mutable {
                Exchange exchange;
                try {
                    exchange = handler_(std::move(*request), peer, must_close);
                } catch (const std::exception& error) {
                    std::fprintf(stderr, "portal-web: error while answering a request: %s\n", error.what());
                    exchange = {problem_answer_bytes(500, "The service failed to handle this request."), true};
                }
                exchange.close = exchange.close || must_close;
                {
                    std::lock_guard lock(mutex_);
                    completions_.push_back({id, std::move(exchange)});
                }
                wake(wake_);
            };
            {
                std::lock_guard lock(jobs_mutex_);
                jobs_.push_back(std::move(job));
            }
            jobs_ready_.notify_one();
            return;
        }
        case ReadProgress::NeedMore:
            break;
    }
    if (reader.awaits_continue() && !connection.continue_sent) {
        // A few bytes into an empty send buffer: they go at once or not at all.
        [[maybe_unused]] ssize_t sent = send(connection.socket, continue_answer.data(), continue_answer.size(), MSG_NOSIGNAL);
        connection.continue_sent = true;
    }
    if (!reader.started())
        connection.deadline = connection.waiting_since + (connection.served == 0 ? limits_.head_arrival : limits_.idle_keep_alive);
    else if (!reader.head_complete())
        connection.deadline = connection.request_began + limits_.head_arrival;
    else
        connection.deadline = connection.head_arrived + body_arrival(connection.reader);
}

std::chrono::milliseconds ConnectionReactor::body_arrival(const RequestReader& reader) const {
    // A file upload may be larger than the usual limit: it gets a second
    // more for each 256 KiB beyond it (32 MiB at 1 MB/s fits).
    const size_t beyond = reader.body_limit() > limits_.request.body_bytes ? reader.body_limit() - limits_.request.body_bytes : 0;
    return limits_.body_arrival + std::chrono::seconds(beyond / (256 * 1024));
}

void ConnectionReactor::refuse(Connection& connection, int status, const std::string& detail) {
    log_refusal(connection.peer.remote_ip, status, detail);
    start_answer(connection, {problem_answer_bytes(status, detail), true}, true);
}

void ConnectionReactor::start_answer(Connection& connection, Exchange exchange, bool drain) {
    connection.output = std::move(exchange.response);
    connection.written = 0;
    connection.close_after = exchange.close;
    connection.drain_after = drain;
    connection.phase = Connection::Phase::Writing;
    connection.deadline = Clock::now() + limits_.answer_delivery;
    write_to(connection);
}

void ConnectionReactor::write_to(Connection& connection) {
    while (connection.written < connection.output.size()) {
        ssize_t n = send(connection.socket, connection.output.data() + connection.written,
                         connection.output.size() - connection.written, MSG_NOSIGNAL);
        if (n > 0) {
            connection.written += size_t(n);
            // A slow reader may take its time, as long as it keeps reading.
            connection.deadline = Clock::now() + limits_.answer_delivery;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            watch(connection, EPOLLOUT);
            return;
        } else {
            close(connection.id);
            return;
        }
    }
    after_answer(connection);
}

void ConnectionReactor::after_answer(Connection& connection) {
    std::string().swap(connection.output);
    Clock::time_point now = Clock::now();
    if (connection.close_after || connection.input_ended) {
        if (!connection.drain_after || connection.input_ended) {
            close(connection.id);
            return;
        }
        // Closing with unread bytes would reset the connection and could
        // destroy the answer before the client reads it.
        shutdown(connection.socket, SHUT_WR);
        connection.phase = Connection::Phase::Draining;
        connection.deadline = now + drain_time;
        watch(connection, EPOLLIN);
        return;
    }
    ++connection.served;
    connection.reader.reset();
    connection.continue_sent = false;
    connection.phase = Connection::Phase::Reading;
    connection.waiting_since = now;
    watch(connection, EPOLLIN);
    consume_input(connection);   // a request the client sent before this answer
}

void ConnectionReactor::expire(Clock::time_point now) {
    std::vector<uint64_t> late;
    for (auto& [id, connection] : connections_)
        if (connection->phase != Connection::Phase::Working && connection->deadline <= now) late.push_back(id);
    for (uint64_t id : late) {
        Connection& connection = *connections_.at(id);
        if (connection.phase == Connection::Phase::Reading && connection.reader.started()) {
            auto allowed = connection.reader.head_complete() ? body_arrival(connection.reader) : limits_.head_arrival;
            auto seconds = std::chrono::duration_cast<std::chrono::seconds>(allowed).count();
            refuse(connection, 408,
                   std::string("The request did not arrive in time: its ") +
                       (connection.reader.head_complete() ? "body" : "headers") + " must come within " +
                       std::to_string(seconds) + " seconds.");
        } else {
            close(id);   // idle, or the client does not read its answer
        }
    }
}

void ConnectionReactor::release_large_body(Connection& connection) {
    if (!connection.large_body) return;
    connection.large_body = false;
    --large_bodies_;
}

void ConnectionReactor::close(uint64_t id) {
    auto found = connections_.find(id);
    if (found == connections_.end()) return;
    Connection& connection = *found->second;
    release_large_body(connection);
    if (connection.registered) epoll_ctl(epoll_, EPOLL_CTL_DEL, connection.socket, nullptr);
    ::close(connection.socket);
    auto address = per_address_.find(connection.peer.remote_ip);
    if (address != per_address_.end() && --address->second == 0) per_address_.erase(address);
    connections_.erase(found);
}

}  // namespace web
