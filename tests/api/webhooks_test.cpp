// Outgoing webhooks and API tokens against the service: a help desk started
// by the test receives every ticket event once, in order per ticket, signed
// with the secret, and answers through the API with an engineer's token;
// while it fails, deliveries wait (later ones behind earlier ones) and then
// arrive; a restart of the service loses none; bad commands change nothing.
// The receiver checks the signature itself, with libsodium's HMAC, as
// docs/webhooks.md tells a help desk to.
#include "service_process.hpp"
#include "signed_in_client.hpp"
#include "ticket_drafts.hpp"

#include <doctest/doctest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sodium.h>

#include <condition_variable>
#include <ctime>
#include <map>
#include <mutex>
#include <set>
#include <thread>

using api_test::ServiceProcess;
using api_test::SignedInClient;
using nlohmann::json;

namespace {

constexpr const char* secret = "a-shared-secret-of-the-help-desk-0123";

struct Received {
    std::map<std::string, std::string> headers;
    std::string body;
    int answered = 0;
};

// A help desk's endpoint on loopback: keeps every request, answers 200 or
// whatever the test says.
class Receiver {
public:
    Receiver() {
        server_.Post("/hooks/portal", [this](const httplib::Request& request, httplib::Response& response) {
            std::lock_guard lock(mutex_);
            Received received;
            for (const auto& [name, value] : request.headers) received.headers[name] = value;
            received.body = request.body;
            received.answered = answer_;
            received_.push_back(std::move(received));
            response.status = answer_;
            response.set_content(answer_ == 200 ? "thanks" : "the help desk is down", "text/plain");
            changed_.notify_all();
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        REQUIRE(port_ > 0);
        thread_ = std::thread([this] { server_.listen_after_bind(); });
    }
    ~Receiver() {
        server_.stop();
        thread_.join();
    }

    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hooks/portal"; }

    void answer_with(int status) {
        std::lock_guard lock(mutex_);
        answer_ = status;
    }

    std::vector<Received> received() {
        std::lock_guard lock(mutex_);
        return received_;
    }

    // The deliveries it took (answered 2xx), waiting up to `timeout` for `count` of them.
    std::vector<Received> wait_for_taken(size_t count, std::chrono::seconds timeout) {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, timeout, [&] { return taken_locked().size() >= count; });
        return taken_locked();
    }

    // Waits for `count` requests of any answer.
    void wait_for_requests(size_t count, std::chrono::seconds timeout) {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, timeout, [&] { return received_.size() >= count; });
    }

private:
    std::vector<Received> taken_locked() const {
        std::vector<Received> taken;
        for (const Received& received : received_)
            if (received.answered == 200) taken.push_back(received);
        return taken;
    }

    httplib::Server server_;
    std::thread thread_;
    int port_ = 0;
    std::mutex mutex_;
    std::condition_variable changed_;
    int answer_ = 200;
    std::vector<Received> received_;
};

std::string hmac_hex(const std::string& key, const std::string& text) {
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    crypto_auth_hmacsha256_final(&state, mac);
    char hex[sizeof mac * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
    return hex;
}

// What a help desk checks before it believes a delivery.
void check_signed(const Received& received) {
    const std::string timestamp = received.headers.at("X-Portal-Timestamp");
    CHECK(received.headers.at("X-Portal-Signature") == "sha256=" + hmac_hex(secret, timestamp + "." + received.body));
    CHECK(std::llabs(std::stoll(timestamp) - std::time(nullptr)) < 120);
    CHECK(received.headers.at("Content-Type") == "application/json");
    CHECK(received.headers.at("X-Portal-Delivery").size() == 32);
}

std::filesystem::path secret_file(const std::filesystem::path& folder, const std::string& text = std::string(secret) + "\n") {
    const std::filesystem::path file = folder / "webhook-secret";
    api_test::write_file(file, text);
    return file;
}

void add_webhook(const ServiceProcess& service, const Receiver& receiver) {
    api_test::FinishedRun added =
        api_test::run_admin(service.database_path(), {"webhook", "add", receiver.url(), "--secret-file", secret_file(service.temp_dir()).string()});
    REQUIRE_MESSAGE(added.exit_code == 0, added.err);
    CHECK(added.out.find("added webhook " + receiver.url()) != std::string::npos);
}

// The help desk's own client: a bearer token, no cookie, no CSRF token.
httplib::Result as_help_desk(const ServiceProcess& service, const std::string& token, const std::string& method,
                             const std::string& path, const json& body = json::object()) {
    httplib::Client client = service.client();
    static int requests = 0;
    const httplib::Headers headers = {{"Authorization", "Bearer " + token}, {"Idempotency-Key", "help-desk-" + std::to_string(++requests)}};
    if (method == "GET") return client.Get(path, headers);
    return client.Post(path, headers, body.dump(), "application/json");
}

std::vector<std::string> types_of(const std::vector<Received>& deliveries, const std::string& ticket) {
    std::vector<std::string> types;
    for (const Received& delivery : deliveries) {
        const json payload = api_test::parse_json(delivery.body);
        if (payload["ticket"]["id"] == ticket) types.push_back(payload["type"]);
    }
    return types;
}

}  // namespace

TEST_CASE("a help desk hears every ticket event once, in order and signed, and answers with an engineer's API token") {
    api_test::ServiceOptions options = api_test::demo_service();
    options.extra_args.insert(options.extra_args.end(), {"--webhook-retry", "1"});
    ServiceProcess service(options);
    Receiver receiver;
    add_webhook(service, receiver);

    api_test::FinishedRun issued = api_test::run_admin(service.database_path(), {"engineer", "token", "Engineer@Vendor.example"});
    REQUIRE_MESSAGE(issued.exit_code == 0, issued.err);
    const std::string token = api_test::printed_api_token(issued.out);
    CHECK(token.size() == 4 + 43);
    CHECK(api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM api_tokens WHERE token_digest = '" + token + "'") == 0);

    SignedInClient sam(service, "sam.taylor@acme.example");
    const json ticket = api_test::json_of(sam.post_once("/api/v1/tickets", api_test::onboarding_draft()), 201);
    const std::string id = ticket["id"];
    const std::string path = "/api/v1/tickets/" + id;
    api_test::json_of(sam.post_once(path + "/comments", {{"body", "It still fails after the DNS change."}}), 201);
    const json attached = api_test::json_of(sam.post_bytes(path + "/attachments", "12:01:07 login failed: invalid_grant\n", "text/plain",
                                                           {{"Idempotency-Key", "webhook-log"}, {"X-File-Name", "sign-in.log"}}),
                                            201);

    // The help desk reads the ticket and replies as the engineer, with no session.
    const json read = api_test::json_of(as_help_desk(service, token, "GET", path), 200);
    CHECK(read["id"] == id);
    const json replied = api_test::json_of(
        as_help_desk(service, token, "POST", path + "/comments", {{"body", "Please send the HAR file of a failing sign-in."}}), 201);
    CHECK(replied["comments"].back()["author"] == "Priya Raman");
    CHECK(replied["comments"].back()["author_kind"] == "support");
    CHECK(!replied["first_response_at"].is_null());

    api_test::json_of(sam.patch(path, {{"severity", 3}}), 200);
    api_test::json_of(as_help_desk(service, token, "POST", path + "/solve"), 200);
    api_test::json_of(sam.post(path + "/reopen", json::object()), 200);
    const json escalation = api_test::json_of(sam.post_once(path + "/escalate", {{"severity", 1}, {"reason", "Now all sign-ins fail."}}), 201);
    api_test::json_of(as_help_desk(service, token, "POST", path + "/solve"), 200);
    api_test::json_of(sam.post(path + "/confirm", json::object()), 200);

    const std::vector<Received> taken = receiver.wait_for_taken(11, std::chrono::seconds(20));
    REQUIRE(taken.size() == 11);
    CHECK(types_of(taken, id) == std::vector<std::string>{"ticket.filed", "ticket.commented", "ticket.attachment_added", "ticket.commented",
                                                          "ticket.severity_changed", "ticket.solved", "ticket.reopened",
                                                          "ticket.escalated", "ticket.solved", "ticket.confirmed"});
    CHECK(types_of(taken, escalation["id"]) == std::vector<std::string>{"ticket.filed"});

    std::set<std::string> delivery_ids;
    std::set<int64_t> event_ids;
    for (const Received& delivery : taken) {
        check_signed(delivery);
        const json payload = api_test::parse_json(delivery.body);
        CHECK(delivery.headers.at("X-Portal-Event") == payload["type"]);
        delivery_ids.insert(delivery.headers.at("X-Portal-Delivery"));
        event_ids.insert(payload["id"].get<int64_t>());
        CHECK(payload["url"].get<std::string>().ends_with("/#/tickets/" + payload["ticket"]["id"].get<std::string>()));
        CHECK(payload["ticket"]["tenant"] == "acme-prod");
    }
    CHECK(delivery_ids.size() == 11);   // each delivered once
    CHECK(event_ids.size() == 11);

    // What each event says beyond the ticket.
    const json filed = api_test::parse_json(taken[0].body);
    CHECK(filed["type"] == "ticket.filed");
    CHECK(filed["actor"] == json{{"email", "sam.taylor@acme.example"}, {"name", "Sam Taylor"}, {"kind", "customer"}});
    CHECK(filed["ticket"]["severity"] == 2);
    CHECK(filed["ticket"]["sla"]["state"] == "running");
    std::vector<json> comments;
    for (const Received& delivery : taken)
        if (json payload = api_test::parse_json(delivery.body); payload["type"] == "ticket.commented") comments.push_back(payload);
    REQUIRE(comments.size() == 2);
    CHECK(comments[0]["comment"]["body"] == "It still fails after the DNS change.");
    CHECK(comments[0]["comment"]["author_kind"] == "customer");
    CHECK(comments[1]["actor"] == json{{"email", "engineer@vendor.example"}, {"name", "Priya Raman"}, {"kind", "support"}});
    CHECK(comments[1]["comment"]["author_kind"] == "support");
    for (const Received& delivery : taken) {
        const json payload = api_test::parse_json(delivery.body);
        if (payload["type"] == "ticket.severity_changed") {
            CHECK(payload["previous_severity"] == 2);
            CHECK(payload["ticket"]["severity"] == 3);
        }
        if (payload["type"] == "ticket.escalated") CHECK(payload["escalated_by"] == escalation["id"]);
        if (payload["ticket"]["id"] == escalation["id"]) CHECK(payload["escalates"] == id);
        if (payload["type"] == "ticket.confirmed") CHECK(payload["ticket"]["status"] == "closed");
        if (payload["type"] == "ticket.attachment_added") {
            // What the file is and where to fetch it; never its bytes.
            CHECK(payload["attachment"] == json{{"id", attached["id"]}, {"file_name", "sign-in.log"}, {"kind", "log"}, {"size", 37},
                                                {"url", path + "/attachments/" + attached["id"].get<std::string>()}});
            CHECK(payload["actor"]["kind"] == "customer");
            CHECK(delivery.body.find("invalid_grant") == std::string::npos);
        }
    }

    // The operator sees them delivered.
    api_test::FinishedRun listed = api_test::run_admin(service.database_path(), {"webhook", "list"});
    CHECK(listed.exit_code == 0);
    CHECK(listed.out.find(receiver.url()) != std::string::npos);
    CHECK(listed.out.find("answered 200") != std::string::npos);
    api_test::FinishedRun deliveries = api_test::run_admin(service.database_path(), {"webhook", "deliveries", "--limit", "3"});
    CHECK(deliveries.exit_code == 0);
    CHECK(std::count(deliveries.out.begin(), deliveries.out.end(), '\n') == 4);   // a heading and three rows
    CHECK(deliveries.out.find("ticket.confirmed") != std::string::npos);
    CHECK(deliveries.out.find("delivered") != std::string::npos);

    SUBCASE("a token is refused when it is wrong, and once its engineer is revoked") {
        httplib::Result wrong = as_help_desk(service, "spt_not-a-token", "GET", path);
        api_test::problem_of(wrong, 401);
        CHECK(wrong->get_header_value("WWW-Authenticate") == "Bearer error=\"invalid_token\"");
        httplib::Result basic = service.client().Get(path, {{"Authorization", "Basic ZW5naW5lZXI6cGFzc3dvcmQ="}});
        api_test::problem_of(basic, 401);
        // A token cannot set the engineer's second factor (and so lock them out).
        api_test::problem_of(as_help_desk(service, token, "POST", "/api/v1/session/second-factor/enrolment"), 403);
        // A customer's action is not the engineer's, token or not.
        api_test::problem_of(as_help_desk(service, token, "POST", path + "/reopen"), 403);
        api_test::FinishedRun customer = api_test::run_admin(service.database_path(), {"engineer", "token", "sam.taylor@acme.example"});
        CHECK(customer.exit_code == 1);
        CHECK(customer.err.find("is no support engineer") != std::string::npos);

        REQUIRE(api_test::run_admin(service.database_path(), {"revoke", "engineer@vendor.example"}).exit_code == 0);
        api_test::problem_of(as_help_desk(service, token, "GET", path), 401);
        CHECK(api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM api_tokens") == 0);
    }
}

TEST_CASE("while the help desk fails, deliveries wait in order; then they arrive, and a restart loses none") {
    api_test::TempFolder data;
    api_test::ServiceOptions options = api_test::demo_service();
    options.database_path = data.path() / "portal.db";
    options.extra_args.insert(options.extra_args.end(), {"--webhook-retry", "1"});
    Receiver receiver;
    receiver.answer_with(500);
    std::string first, second;
    {
        ServiceProcess service(options);
        add_webhook(service, receiver);
        SignedInClient sam(service, "sam.taylor@acme.example");
        first = api_test::json_of(sam.post_once("/api/v1/tickets", api_test::onboarding_draft()), 201)["id"];
        api_test::json_of(sam.post_once("/api/v1/tickets/" + first + "/comments", {{"body", "Any news?"}}), 201);
        second = api_test::json_of(sam.post_once("/api/v1/tickets", api_test::onboarding_draft()), 201)["id"];

        // Both tickets' first events are tried, again and again; the comment waits behind its ticket's filing.
        receiver.wait_for_requests(4, std::chrono::seconds(15));
        std::map<std::string, std::set<std::string>> keys_by_type;
        for (const Received& attempt : receiver.received()) {
            check_signed(attempt);
            keys_by_type[attempt.headers.at("X-Portal-Event")].insert(attempt.headers.at("X-Portal-Delivery"));
        }
        CHECK(keys_by_type.count("ticket.commented") == 0);
        CHECK(keys_by_type["ticket.filed"].size() == 2);   // the same delivery ID on every retry
        CHECK(receiver.received().size() >= 4);

        api_test::FinishedRun waiting = api_test::run_admin(service.database_path(), {"webhook", "deliveries"});
        CHECK(waiting.out.find("retrying") != std::string::npos);
        CHECK(waiting.out.find("answered 500: the help desk is down") != std::string::npos);
        api_test::FinishedRun listed = api_test::run_admin(service.database_path(), {"webhook", "list"});
        CHECK(listed.out.find(" 3 ") != std::string::npos);   // three waiting
        // The same, for the operator's scripts.
        const std::string operator_token =
            api_test::printed_api_token(api_test::run_admin(service.database_path(), {"operator", "invite", "ops@vendor.example"}).out);
        const httplib::Headers bearer = {{"Authorization", "Bearer " + operator_token}};
        const json webhooks = api_test::json_of(service.client().Get("/api/v1/admin/webhooks", bearer), 200);
        REQUIRE(webhooks["webhooks"].size() == 1);
        CHECK(webhooks["webhooks"][0]["url"] == receiver.url());
        CHECK(webhooks["webhooks"][0]["waiting"] == 3);
        CHECK(webhooks["webhooks"][0]["last_status"] == 500);
        const json deliveries = api_test::json_of(service.client().Get("/api/v1/admin/webhooks/deliveries?limit=10", bearer), 200);
        REQUIRE(deliveries["deliveries"].size() == 3);
        int retrying = 0;
        for (const json& delivery : deliveries["deliveries"]) {
            retrying += delivery["status"] == "retrying";
            if (delivery["status"] == "retrying") CHECK(delivery["last_error"] == "answered 500: the help desk is down");
        }
        CHECK(retrying == 2);   // both filings; the comment has not been tried

        REQUIRE(service.stop() == 0);
    }
    receiver.answer_with(200);
    ServiceProcess restarted(options);
    const std::vector<Received> taken = receiver.wait_for_taken(3, std::chrono::seconds(30));
    REQUIRE(taken.size() == 3);
    CHECK(types_of(taken, first) == std::vector<std::string>{"ticket.filed", "ticket.commented"});
    CHECK(types_of(taken, second) == std::vector<std::string>{"ticket.filed"});
    std::set<std::string> keys;
    for (const Received& delivery : taken) keys.insert(delivery.headers.at("X-Portal-Delivery"));
    CHECK(keys.size() == 3);
    // The receiver has answered; the service notes it a moment later.
    const std::string delivered = "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'delivered'";
    for (int tries = 0; tries < 50 && api_test::query_number(restarted.database_path(), delivered) < 3; tries++)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(api_test::query_number(restarted.database_path(), delivered) == 3);
}

TEST_CASE("bad webhook and token commands say what is wrong and change nothing") {
    ServiceProcess service(api_test::demo_service());
    const std::filesystem::path database = service.database_path();
    const std::string good_secret = secret_file(service.temp_dir()).string();
    const std::filesystem::path short_secret = service.temp_dir() / "short";
    api_test::write_file(short_secret, "hunter2\n");
    struct Case {
        std::vector<std::string> args;
        int exit_code;
        const char* says;
    };
    const Case cases[] = {
        {{"webhook"}, 2, "webhook needs add, list, remove or deliveries"},
        {{"webhook", "add", "https://desk.example/hook"}, 2, "needs --secret-file"},
        {{"webhook", "add", "ftp://desk.example/hook", "--secret-file", good_secret}, 2, "ftp://desk.example/hook"},
        {{"webhook", "add", "https://user:pw@desk.example/hook", "--secret-file", good_secret}, 2, "user name or password"},
        {{"webhook", "add", "https://desk.example/hook#x", "--secret-file", good_secret}, 2, "fragment"},
        {{"webhook", "add", "https://desk.example/hook", "--secret-file", "/nonexistent/secret"}, 2, "cannot read the secret file"},
        {{"webhook", "add", "https://desk.example/hook", "--secret-file", short_secret.string()}, 2, "at least 16"},
        {{"webhook", "add", "https://desk.example/hook", "--secret", "x"}, 2, "unknown option --secret"},
        {{"webhook", "remove", "https://desk.example/none"}, 1, "no webhook in use"},
        {{"webhook", "deliveries", "--limit", "lots"}, 2, "--limit must be a number"},
        {{"webhook", "list", "extra"}, 2, "takes no arguments"},
        {{"engineer", "token"}, 2, "needs one EMAIL"},
        {{"engineer", "token", "not an address"}, 2, "engineer token: not an address"},
        {{"engineer", "token", "nobody@vendor.example"}, 1, "is no support engineer"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.args);
        api_test::FinishedRun run = api_test::run_admin(database, c.args);
        CHECK(run.exit_code == c.exit_code);
        CHECK(run.err.find(c.says) != std::string::npos);
        CHECK(std::count(run.err.begin(), run.err.end(), '\n') <= 1);
    }
    CHECK(api_test::query_number(database, "SELECT COUNT(*) FROM webhooks") == 0);
    CHECK(api_test::query_number(database, "SELECT COUNT(*) FROM api_tokens") == 0);

    REQUIRE(api_test::run_admin(database, {"webhook", "add", "https://desk.example/hook", "--secret-file", good_secret}).exit_code == 0);
    api_test::FinishedRun twice = api_test::run_admin(database, {"webhook", "add", "https://desk.example/hook", "--secret-file", good_secret});
    CHECK(twice.exit_code == 1);
    CHECK(twice.err.find("receives webhooks already") != std::string::npos);
    REQUIRE(api_test::run_admin(database, {"webhook", "remove", "https://desk.example/hook"}).exit_code == 0);
    CHECK(api_test::run_admin(database, {"webhook", "list"}).err.find("no webhooks yet") != std::string::npos);
    // Added again after removal: a new webhook of the same URL.
    CHECK(api_test::run_admin(database, {"webhook", "add", "https://desk.example/hook", "--secret-file", good_secret}).exit_code == 0);
}
