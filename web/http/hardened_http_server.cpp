#include "web/http/hardened_http_server.hpp"

#include "web/http/problem.hpp"
#include "web/http/request_body_decoding.hpp"

#include <sys/resource.h>

namespace web {

namespace {

// A request already read whole, and its answer collected whole: httplib
// reads and writes through this instead of a socket.
class MemoryStream final : public httplib::Stream {
public:
    MemoryStream(std::string_view request, std::string& answer, const PeerAddress& peer)
        : request_(request), answer_(answer), peer_(peer) {}

    bool is_readable() const override { return true; }
    bool is_writable() const override { return true; }

    ssize_t read(char* destination, size_t size) override {
        size_t n = std::min(size, request_.size() - position_);
        std::copy_n(request_.data() + position_, n, destination);
        position_ += n;
        return ssize_t(n);
    }

    ssize_t write(const char* source, size_t size) override {
        answer_.append(source, size);
        return ssize_t(size);
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        ip = peer_.remote_ip;
        port = peer_.remote_port;
    }

    void get_local_ip_and_port(std::string& ip, int& port) const override {
        ip = peer_.local_ip;
        port = peer_.local_port;
    }

    // No socket: httplib would refuse a descriptor above FD_SETSIZE, and
    // the reactor holds many more connections than that.
    socket_t socket() const override { return INVALID_SOCKET; }

private:
    std::string_view request_;
    size_t position_ = 0;
    std::string& answer_;
    const PeerAddress& peer_;
};

// The request as httplib should see it: the body decoded, framed by one Content-Length.
std::string plain_request(const FramedRequest& request, std::string_view body) {
    std::string text = request.method + " " + request.target + " " + request.version + "\r\n";
    for (const HeaderField& field : request.headers) text += field.name + ": " + field.value + "\r\n";
    text += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    text += body;
    return text;
}

// Several ranges in one request buy an attacker a large multipart answer
// for a few bytes, and httplib 0.11.4 frames open-ended ones wrongly; a
// server may ignore Range (RFC 9110 14.2), so only a single range is served.
void keep_single_range(httplib::Request& request) {
    if (request.ranges.size() > 1) request.ranges.clear();
}

}  // namespace

ConnectionLimits connection_limits_for_this_process() {
    ConnectionLimits limits;
    const rlim_t spare = 256;   // the database, the listening socket, connections being turned away
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) != 0) return limits;
    const rlim_t wanted = std::min<rlim_t>(files.rlim_max, limits.connections + spare);
    if (files.rlim_cur < wanted) {
        files.rlim_cur = wanted;
        setrlimit(RLIMIT_NOFILE, &files);
        getrlimit(RLIMIT_NOFILE, &files);
    }
    if (files.rlim_cur < limits.connections + spare)
        limits.connections = files.rlim_cur > 2 * spare ? size_t(files.rlim_cur - spare) : 64;
    return limits;
}

HardenedHttpServer::HardenedHttpServer(const ConnectionLimits& limits)
    : reactor_(limits, [this](FramedRequest&& request, const PeerAddress& peer, bool must_close) {
          return answer(std::move(request), peer, must_close);
      }) {
    set_payload_max_length(limits.request.largest_body());
}

HardenedHttpServer::~HardenedHttpServer() { reactor_.stop(); }

bool HardenedHttpServer::process_and_close_socket(socket_t socket) {
    reactor_.adopt(socket);
    return true;
}

Exchange HardenedHttpServer::answer(FramedRequest&& request, const PeerAddress& peer, bool must_close) {
    const size_t limit = request.body_limit;
    DecodedBody body = decode_request_body(request.content_coding, std::move(request.body), limit);
    if (body.outcome == BodyDecoding::TooLarge)
        return {problem_answer_bytes(413, "A request body may be at most " + std::to_string(limit / 1024) +
                                              " KiB once decompressed."),
                true};
    if (body.outcome == BodyDecoding::Corrupt)
        return {problem_answer_bytes(400, "The request body is not valid " + request.content_coding + " data."), true};

    const std::string text = plain_request(request, body.bytes);
    std::string answer;
    MemoryStream stream(text, answer, peer);
    bool connection_closed = false;
    bool answered = process_request(stream, must_close, connection_closed, keep_single_range);
    if (answer.empty()) return {problem_answer_bytes(400, "The request could not be read."), true};
    return {std::move(answer), must_close || connection_closed || !answered};
}

}  // namespace web
