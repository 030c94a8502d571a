// The service against clients that mean it harm, over loopback: bodies too
// deep, too long or too compressed, heads that never end, connections that
// trickle, ranges that multiply. Each case was a way to stop the service for
// every tenant (issue 12); each ends by checking the service still answers.
#include "service_process.hpp"
#include "signed_in_client.hpp"
#include "ticket_drafts.hpp"

#include "core/text/base64url.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <memory>
#include <tuple>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

using api_test::ServiceProcess;
using api_test::SignedInClient;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

using Clock = std::chrono::steady_clock;

// A plain TCP connection, for what no well-behaved HTTP client would send.
class RawConnection {
public:
    explicit RawConnection(int port) {
        socket_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(uint16_t(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connected_ = ::connect(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    }
    ~RawConnection() { ::close(socket_); }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    bool connected() const { return connected_; }

    // False once the service has closed or reset the connection.
    bool send(std::string_view bytes) {
        while (!bytes.empty()) {
            ssize_t n = ::send(socket_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (n <= 0) return false;
            bytes.remove_prefix(size_t(n));
        }
        return true;
    }

    // True when the service has something to say (or has closed).
    bool readable(std::chrono::milliseconds wait = 0ms) {
        pollfd poll_for{socket_, POLLIN, 0};
        return ::poll(&poll_for, 1, int(wait.count())) > 0;
    }

    // Everything until the service closes the connection, or until `wait` passes.
    std::string read_all(std::chrono::milliseconds wait = 5s) {
        std::string text;
        Clock::time_point until = Clock::now() + wait;
        while (receive_more(text, until)) {
        }
        return text;
    }

    // One answer's head and as much of its body as Content-Length says.
    std::string read_answer(std::chrono::milliseconds wait = 5s) {
        std::string text;
        Clock::time_point until = Clock::now() + wait;
        do {
            size_t head_end = text.find("\r\n\r\n");
            if (head_end != std::string::npos) {
                size_t length_at = text.find("Content-Length: ");
                size_t length = length_at < head_end ? std::stoul(text.substr(length_at + 16)) : 0;
                if (text.size() >= head_end + 4 + length) return text;
            }
        } while (receive_more(text, until));
        return text;
    }

private:
    // False once `until` has passed or the service has closed the connection.
    bool receive_more(std::string& text, Clock::time_point until) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
        if (left <= 0ms || !readable(left)) return false;
        char buffer[16384];
        ssize_t n = ::recv(socket_, buffer, sizeof buffer, 0);
        if (n <= 0) return false;
        text.append(buffer, size_t(n));
        return true;
    }

    int socket_ = -1;
    bool connected_ = false;
};

int status_of(const std::string& answer) {
    if (!answer.starts_with("HTTP/1.1 ") || answer.size() < 12) return 0;
    return std::stoi(answer.substr(9, 3));
}

// The most memory the service has held (VmHWM) in KiB.
long peak_memory_kib(const ServiceProcess& service) {
    std::ifstream status("/proc/" + std::to_string(const_cast<ServiceProcess&>(service).process().pid()) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.starts_with("VmHWM:")) return std::stol(line.substr(6));
    return -1;
}

void check_alive(ServiceProcess& service) {
    CHECK(service.process().running());
    httplib::Client client = service.client();
    client.set_read_timeout(2, 0);
    httplib::Result health = client.Get("/api/v1/health");
    REQUIRE(health);
    CHECK(health->status == 200);
}

std::string sign_in_head(const std::string& framing) {
    return "POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" + framing + "\r\n";
}

std::string gzip_of(const std::string& bytes) {
    z_stream stream{};
    deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&stream, uLong(bytes.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = uInt(bytes.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

}  // namespace

TEST_CASE("a body nested 50,000 deep is refused, by any route, and the service lives") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");   // a support-only user is enough
    SignedInClient admin(service, "admin@acme.example");
    json tickets = api_test::json_of(sam.get("/api/v1/tickets"), 200);
    REQUIRE(!tickets["items"].empty());
    const std::string ticket = "/api/v1/tickets/" + tickets["items"][0]["id"].get<std::string>();
    const std::string deep = "{\"tenant\": " + std::string(50000, '[') + std::string(50000, ']') + "}";
    struct Attempt {
        SignedInClient& who;
        std::string path;
    };
    for (const Attempt& attempt : {Attempt{sam, "/api/v1/tickets"}, Attempt{sam, ticket + "/comments"},
                                   Attempt{sam, ticket + "/escalate"}, Attempt{admin, "/api/v1/tenants/acme-prod/support-users"}}) {
        CAPTURE(attempt.path);
        httplib::Client client = service.client();
        httplib::Result refused = client.Post(attempt.path,
                                              {{"Cookie", "portal_session=" + attempt.who.cookie()},
                                               {"X-CSRF-Token", attempt.who.csrf_token()},
                                               {"Idempotency-Key", "deep " + attempt.path}},
                                              deep, "application/json");
        REQUIRE(refused);
        if (refused->status == 400)
            CHECK(api_test::problem_of(refused, 400).find("more than 64 deep") != std::string::npos);
        else
            CHECK(refused->status == 403);   // escalating is for customers only: refused before the body is read
        check_alive(service);
    }
}

TEST_CASE("a token whose JWT header nests 100,000 deep is a field problem, not a crash") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");
    using core::base64url_encode;
    json draft = api_test::onboarding_draft("acme-prod");
    draft["fields"]["token"] =
        base64url_encode(std::string(100000, '[') + std::string(100000, ']')) + "." + base64url_encode("{}") + ".c2ln";
    httplib::Result answer = sam.post_once("/api/v1/tickets", draft);
    REQUIRE(answer);
    CHECK(answer->status == 422);
    CHECK(answer->body.find("token") != std::string::npos);
    check_alive(service);
}

TEST_CASE("a 200 MB chunked body is cut off at 1 MiB with 413, never held in memory") {
    ServiceProcess service;
    check_alive(service);
    long before = peak_memory_kib(service);
    RawConnection connection(service.port());
    REQUIRE(connection.connected());
    REQUIRE(connection.send(sign_in_head("Transfer-Encoding: chunked\r\n")));
    const std::string chunk = "10000\r\n" + std::string(0x10000, 'a') + "\r\n";
    size_t sent = 0;
    while (sent < 200u * 1024 * 1024 && !connection.readable() && connection.send(chunk)) sent += 0x10000;
    std::string answer = connection.read_all();
    CHECK(status_of(answer) == 413);
    CHECK(answer.find("at most 1 MiB") != std::string::npos);
    CHECK(sent < 8u * 1024 * 1024);   // the service stopped reading soon after the limit
    long after = peak_memory_kib(service);
    CHECK(after - before < 32 * 1024);
    check_alive(service);
}

TEST_CASE("attachments take the program's 32 MiB, other routes 1 MiB, and only four large bodies arrive at once") {
    ServiceProcess service;
    auto head = [](const std::string& target, size_t length) {
        return "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/png\r\nContent-Length: " + std::to_string(length) +
               "\r\n\r\n";
    };
    // Past the limit: refused from the head alone, before any byte of the body.
    for (const auto& [target, length, words] : {std::tuple{std::string("/api/v1/tickets/T-1001/attachments"), size_t(32 * 1024 * 1024 + 1), "at most 32 MiB"},
                                                 std::tuple{std::string("/api/v1/tickets/T-1001/comments"), size_t(1024 * 1024 + 1), "at most 1 MiB"},
                                                 std::tuple{std::string("/api/v1/tickets/T-1001/x/attachments"), size_t(1024 * 1024 + 1), "at most 1 MiB"}}) {
        RawConnection connection(service.port());
        REQUIRE(connection.send(head(target, length)));
        const std::string answer = connection.read_answer();
        INFO(target);
        CHECK(status_of(answer) == 413);
        CHECK(answer.find(words) != std::string::npos);
    }
    // Four uploads of 10 MiB on their way; a fifth is told to wait until one is through.
    std::vector<std::unique_ptr<RawConnection>> uploads;
    for (int i = 0; i < 4; i++) {
        uploads.push_back(std::make_unique<RawConnection>(service.port()));
        REQUIRE(uploads.back()->send(head("/api/v1/tickets/T-1001/attachments", 10 * 1024 * 1024) + "first bytes"));
    }
    std::this_thread::sleep_for(200ms);
    for (auto& upload : uploads) CHECK_FALSE(upload->readable());
    {
        RawConnection fifth(service.port());
        REQUIRE(fifth.send(head("/api/v1/tickets/T-1001/attachments", 10 * 1024 * 1024)));
        const std::string answer = fifth.read_answer();
        CHECK(status_of(answer) == 503);
        CHECK(answer.find("Too many files are being uploaded") != std::string::npos);
    }
    uploads.pop_back();   // one gives up: its place is free again once the service sees it go
    int status = 0;
    for (Clock::time_point until = Clock::now() + 10s; Clock::now() < until; std::this_thread::sleep_for(50ms)) {
        RawConnection sixth(service.port());
        REQUIRE(sixth.send(head("/api/v1/tickets/T-1001/attachments", 16) + "0123456789abcdef"));
        status = status_of(sixth.read_answer());
        if (status != 503) break;
    }
    CHECK(status == 401);   // read whole, then refused for want of a session
    check_alive(service);
}

TEST_CASE("a gzip bomb is decoded only up to the limit") {
    ServiceProcess service;
    check_alive(service);
    long before = peak_memory_kib(service);
    const std::string bomb = gzip_of(std::string(100u * 1024 * 1024, ' '));
    REQUIRE(bomb.size() < 200 * 1024);
    RawConnection connection(service.port());
    REQUIRE(connection.send(sign_in_head("Content-Encoding: gzip\r\nContent-Length: " + std::to_string(bomb.size()) + "\r\n") + bomb));
    std::string answer = connection.read_all();
    CHECK(status_of(answer) == 413);
    CHECK(answer.find("once decompressed") != std::string::npos);
    CHECK(peak_memory_kib(service) - before < 32 * 1024);

    SUBCASE("a small gzip body is read like any other") {
        RawConnection polite(service.port());
        const std::string body = gzip_of(R"({"email": "admin@acme.example", "password": "wrong password"})");
        REQUIRE(polite.send(sign_in_head("Content-Encoding: gzip\r\nContent-Length: " + std::to_string(body.size()) + "\r\n") + body));
        CHECK(status_of(polite.read_answer()) == 401);
    }
    SUBCASE("an unknown coding is 415, corrupt gzip 400") {
        RawConnection brotli(service.port());
        REQUIRE(brotli.send(sign_in_head("Content-Encoding: br\r\nContent-Length: 4\r\n") + "abcd"));
        CHECK(status_of(brotli.read_all()) == 415);
        RawConnection corrupt(service.port());
        REQUIRE(corrupt.send(sign_in_head("Content-Encoding: gzip\r\nContent-Length: 4\r\n") + "abcd"));
        CHECK(status_of(corrupt.read_all()) == 400);
    }
    check_alive(service);
}

TEST_CASE("a million headers are refused after 16 KiB; a hundred and one after the blank line") {
    ServiceProcess service;
    RawConnection flood(service.port());
    REQUIRE(flood.send("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n"));
    size_t sent = 0;
    for (int i = 0; i < 1000000 && !flood.readable() && flood.send("X-Header-" + std::to_string(i) + ": x\r\n"); ++i) sent += 20;
    CHECK(sent < 256 * 1024);
    CHECK(status_of(flood.read_all()) == 431);

    std::string many = "GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n";
    for (int i = 0; i < 101; ++i) many += "X-" + std::to_string(i) + ": x\r\n";
    RawConnection hundred(service.port());
    REQUIRE(hundred.send(many + "\r\n"));
    std::string answer = hundred.read_all();
    CHECK(status_of(answer) == 431);
    CHECK(answer.find("at most 100 header fields") != std::string::npos);

    RawConnection long_address(service.port());
    REQUIRE(long_address.send("GET /" + std::string(9000, 'a') + " HTTP/1.1\r\n"));
    CHECK(status_of(long_address.read_all()) == 414);
    check_alive(service);
}

TEST_CASE("framing a proxy could be fooled by is refused") {
    ServiceProcess service;
    auto answer_to = [&](const std::string& request) {
        RawConnection connection(service.port());
        connection.send(request);
        return status_of(connection.read_all(3s));
    };
    CHECK(answer_to(sign_in_head("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n") + "0\r\n\r\n") == 400);
    CHECK(answer_to(sign_in_head("Transfer-Encoding: gzip, chunked\r\n") + "0\r\n\r\n") == 501);
    CHECK(answer_to(sign_in_head("Content-Length: 5\r\nContent-Length: 6\r\n") + "{}{}{}") == 400);
    CHECK(answer_to(sign_in_head("Content-Length: -1\r\n")) == 400);
    CHECK(answer_to("GET /api/v1/health HTTP/1.1\r\n\r\n") == 400);                        // no Host
    CHECK(answer_to("GET /api/v1/health HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n") == 400);   // obs-fold
    CHECK(answer_to("GET /api/v1/health HTTP/2.0\r\nHost: a\r\n\r\n") == 505);
    CHECK(answer_to(sign_in_head("Expect: teapot\r\nContent-Length: 2\r\n") + "{}") == 417);
    CHECK(answer_to(sign_in_head("Content-Length: 2000000\r\n")) == 413);
    check_alive(service);
}

TEST_CASE("chunked bodies, 100-continue and pipelined requests work as HTTP/1.1 says") {
    ServiceProcess service;
    const std::string body = R"({"email": "nobody@example.com", "password": "not the password"})";

    RawConnection chunked(service.port());
    REQUIRE(chunked.send(sign_in_head("Transfer-Encoding: chunked\r\n") + "10\r\n" + body.substr(0, 16) + "\r\n" +
                         [&] { char size[16]; std::snprintf(size, sizeof size, "%zx", body.size() - 16); return std::string(size); }() +
                         ";ext=1\r\n" + body.substr(16) + "\r\n0\r\nTrailer: x\r\n\r\n"));
    CHECK(status_of(chunked.read_answer()) == 401);

    RawConnection expecting(service.port());
    REQUIRE(expecting.send(sign_in_head("Expect: 100-continue\r\nContent-Length: " + std::to_string(body.size()) + "\r\n")));
    CHECK(expecting.read_answer(2s).starts_with("HTTP/1.1 100 Continue\r\n\r\n"));
    REQUIRE(expecting.send(body));
    CHECK(status_of(expecting.read_answer()) == 401);

    RawConnection pipelined(service.port());
    const std::string health = "GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n";
    REQUIRE(pipelined.send(health + health + "GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    std::string answers = pipelined.read_all();
    size_t count = 0;
    for (size_t at = answers.find("HTTP/1.1 200 "); at != std::string::npos; at = answers.find("HTTP/1.1 200 ", at + 1)) ++count;
    CHECK(count == 3);
    check_alive(service);
}

TEST_CASE("64 clients that trickle their headers hold no worker, and get 408 when their time is up") {
    ServiceProcess service;
    std::vector<std::unique_ptr<RawConnection>> slow;
    for (int i = 0; i < 64; ++i) {
        slow.push_back(std::make_unique<RawConnection>(service.port()));
        REQUIRE(slow.back()->send("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n"));
    }
    // One more header line from each every 2 s, as a slowloris client would;
    // the health check must answer within a second all the while.
    // (Before the reactor, eight such clients kept it from answering at all.)
    Clock::time_point began = Clock::now();
    int line = 0, asked = 0, within_a_second = 0;
    while (Clock::now() - began < 12s) {
        for (auto& connection : slow)
            if (!connection->readable()) connection->send("X-Slow-" + std::to_string(line) + ": 1\r\n");
        ++line;
        Clock::time_point sent = Clock::now();
        httplib::Client client = service.client();
        client.set_read_timeout(3, 0);
        client.set_connection_timeout(3, 0);
        httplib::Result health = client.Get("/api/v1/health");
        REQUIRE(health);
        CHECK(health->status == 200);
        ++asked;
        within_a_second += Clock::now() - sent < 1s;
        std::this_thread::sleep_for(2s - std::min<Clock::duration>(2s, Clock::now() - sent));
    }
    // One late answer is the machine's doing (a busy CI host), not the service's.
    CHECK(within_a_second >= asked - 1);
    int timed_out = 0;
    for (auto& connection : slow) timed_out += status_of(connection->read_all(2s)) == 408;
    CHECK(timed_out == 64);
    check_alive(service);
}

TEST_CASE("clients that ask for a large file and never read it hold no worker either") {
    ServiceProcess service;
    api_test::write_file(service.public_dir() / "large.bin", std::string(8u * 1024 * 1024, 'L'));
    std::vector<std::unique_ptr<RawConnection>> stalled;
    for (int i = 0; i < 32; ++i) {
        stalled.push_back(std::make_unique<RawConnection>(service.port()));
        REQUIRE(stalled.back()->send("GET /large.bin HTTP/1.1\r\nHost: localhost\r\n\r\n"));
    }
    std::this_thread::sleep_for(500ms);   // every answer is written as far as the socket buffers take it
    for (int i = 0; i < 3; ++i) check_alive(service);
    // A reader that does read gets the whole file.
    httplib::Result whole = service.client().Get("/large.bin");
    REQUIRE(whole);
    CHECK(whole->body.size() == 8u * 1024 * 1024);
}

TEST_CASE("byte ranges: one is served, many are answered with the whole file") {
    ServiceProcess service;
    api_test::write_file(service.public_dir() / "kilobyte.txt", std::string(1024, 'k'));
    httplib::Client client = service.client();

    httplib::Result one = client.Get("/kilobyte.txt", {{"Range", "bytes=10-19"}});
    REQUIRE(one);
    CHECK(one->status == 206);
    CHECK(one->body == std::string(10, 'k'));

    std::string ranges = "bytes=0-0";
    for (int i = 1; i < 1160; ++i) ranges += "," + std::to_string(i % 1000) + "-";
    httplib::Result many = client.Get("/kilobyte.txt", {{"Range", ranges}});
    REQUIRE(many);
    CHECK(many->status == 200);
    CHECK(many->body.size() == 1024);

    httplib::Result open_ended = client.Get("/kilobyte.txt", {{"Range", "bytes=0-1,1000-"}});
    REQUIRE(open_ended);
    CHECK(open_ended->status == 200);
    CHECK(open_ended->body.size() == 1024);
    check_alive(service);
}

TEST_CASE("the page may not be framed by another site") {
    ServiceProcess service;
    httplib::Result page = service.client().Get("/");
    REQUIRE(page);
    CHECK(page->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'") != std::string::npos);
}

TEST_CASE("a user revoked from a tenant cannot replay the answer of a ticket filed there") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient alex(service, "alex.kim@partner.example");   // support-only in acme-prod and globex-dev
    const httplib::Headers key = {{"Idempotency-Key", "alex-ticket-1"}};
    json filed = api_test::json_of(alex.post("/api/v1/tickets", api_test::onboarding_draft("acme-prod"), key), 201);

    SignedInClient admin(service, "admin@acme.example");
    json page = api_test::json_of(admin.get("/api/v1/tenants/acme-prod/support-users?q=alex.kim"), 200);
    REQUIRE(page["items"].size() == 1);
    std::string revoke = "/api/v1/tenants/acme-prod/support-users/" + std::to_string(page["items"][0]["id"].get<int64_t>()) + "/revoke";
    api_test::json_of(admin.post(revoke, json::object()), 200);

    httplib::Result replay = alex.post("/api/v1/tickets", api_test::onboarding_draft("acme-prod"), key);
    REQUIRE(replay);
    CHECK(replay->status == 404);
    CHECK(replay->body.find(filed["id"].get<std::string>()) == std::string::npos);
    CHECK(!replay->has_header("Idempotent-Replayed"));
    check_alive(service);
}
