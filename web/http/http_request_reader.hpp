// Reads one HTTP/1.1 request's framing from bytes as they arrive, before
// httplib sees the request. httplib 0.11.4 enforces its body limit only when a
// request has a Content-Length, and puts no bound on header count or on a
// chunked or compressed body; here every limit holds while reading, so an
// oversized request is refused after at most a limit's worth of bytes and is
// never buffered whole.
//
// Pure: no sockets, no clock. The connection reactor feeds it and the fuzzer
// too (tests/fuzz).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace web {

// A route that takes larger bodies than the rest: file uploads.
struct LargeBodyRoute {
    std::string method;         // "POST"
    std::string path_pattern;   // "/api/v1/tickets/*/attachments": "*" stands for one path segment
    size_t body_bytes = 0;
};

struct RequestLimits {
    size_t head_bytes = 16 * 1024;          // request line and every header
    size_t request_line_bytes = 8 * 1024;   // method, target and version
    size_t header_count = 100;
    size_t body_bytes = 1024 * 1024;        // after chunked decoding; content decoding is held to it too
    std::vector<LargeBodyRoute> large_bodies;   // their own limits instead of body_bytes

    // The body limit of a request, known from its request line alone.
    size_t body_limit_for(std::string_view method, std::string_view target) const;
    size_t largest_body() const;
};

struct HeaderField {
    std::string name;
    std::string value;
};

// A request whose framing has been read and checked. `body` is free of
// chunked framing but still in its content coding (gzip, deflate).
struct FramedRequest {
    std::string method;
    std::string target;
    std::string version;                 // "HTTP/1.1" or "HTTP/1.0"
    std::vector<HeaderField> headers;    // without the framing fields (Content-Length,
                                         // Transfer-Encoding, Content-Encoding, Expect)
    std::string content_coding;          // "", "gzip" or "deflate"
    std::string body;
    size_t body_limit = 0;               // the limit its route has (RequestLimits::body_limit_for), decoded size included
};

enum class ReadProgress { NeedMore, Complete, Refused };

class RequestReader {
public:
    explicit RequestReader(const RequestLimits& limits = {});

    // Takes what it can of `bytes` and returns how many it took. It stops at
    // the end of one request, leaving what follows (a pipelined request) to
    // the caller, and takes nothing once complete or refused.
    size_t feed(std::string_view bytes);

    ReadProgress progress() const { return progress_; }
    bool started() const { return started_; }            // a byte of a request has arrived
    bool head_complete() const { return phase_ > Phase::Head; }
    // The client said "Expect: 100-continue" and waits for a go-ahead to send its body.
    // Once the head is read: the body limit of this request's route.
    size_t body_limit() const { return body_limit_; }
    bool awaits_continue() const { return expects_continue_ && phase_ > Phase::Head && progress_ == ReadProgress::NeedMore; }

    // Once Refused: the status to answer (400, 413, 414, 415, 417, 431, 501, 505) and why, in a sentence.
    int refusal_status() const { return refusal_status_; }
    const std::string& refusal_detail() const { return refusal_detail_; }

    // Once Complete: the request, moved out.
    FramedRequest take_request() { return std::move(request_); }

    // Ready for the next request on the same connection.
    void reset();

private:
    enum class Phase { Head, LengthBody, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Done };

    size_t feed_head(std::string_view bytes);
    size_t feed_chunk_line(std::string_view bytes);
    bool parse_head();
    bool apply_framing();
    void finish_body();
    void refuse(int status, std::string detail);

    RequestLimits limits_;
    ReadProgress progress_ = ReadProgress::NeedMore;
    Phase phase_ = Phase::Head;
    bool started_ = false;
    bool expects_continue_ = false;
    std::string head_;           // bytes of the head so far, then of the current chunk-size or trailer line
    size_t request_line_end_ = std::string::npos;
    size_t trailer_bytes_ = 0;
    unsigned long long remaining_ = 0;   // body or chunk bytes still to come
    size_t body_limit_ = 0;
    int refusal_status_ = 0;
    std::string refusal_detail_;
    FramedRequest request_;
};

}  // namespace web
