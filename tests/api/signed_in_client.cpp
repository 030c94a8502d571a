#include "signed_in_client.hpp"

#include <doctest/doctest.h>
#include <sodium.h>
#include <sqlite3.h>

#include <atomic>

namespace api_test {

using nlohmann::json;

json parse_json(const std::string& text) {
    json parsed = json::parse(text, nullptr, false);
    REQUIRE_MESSAGE(!parsed.is_discarded(), "not JSON: ", text);
    return parsed;
}

json json_of(const httplib::Result& result, int status) {
    REQUIRE(result);
    INFO("body: ", result->body);
    REQUIRE(result->status == status);
    CHECK(result->get_header_value("Content-Type") == "application/json");
    CHECK(result->get_header_value("Cache-Control") == "no-store");
    return parse_json(result->body);
}

std::string problem_of(const httplib::Result& result, int status) {
    REQUIRE(result);
    INFO("body: ", result->body);
    CHECK(result->status == status);
    CHECK(result->get_header_value("Content-Type") == "application/problem+json");
    json problem = parse_json(result->body);
    REQUIRE(problem.is_object());
    CHECK(problem["status"] == status);
    REQUIRE(problem["detail"].is_string());
    return problem["detail"].get<std::string>();
}

std::optional<std::string> session_cookie_of(const httplib::Result& result) {
    if (!result) return std::nullopt;
    for (size_t i = 0; i < result->get_header_value_count("Set-Cookie"); i++) {
        std::string header = result->get_header_value("Set-Cookie", i);
        const std::string prefix = "portal_session=";
        if (!header.starts_with(prefix)) continue;
        std::string value = header.substr(prefix.size(), header.find(';') - prefix.size());
        if (!value.empty()) return value;
    }
    return std::nullopt;
}

httplib::Result sign_in(const ServiceProcess& service, const std::string& email, const std::string& password) {
    httplib::Client client = service.client();
    return client.Post("/api/v1/session", json{{"email", email}, {"password", password}}.dump(), "application/json");
}

SignedInClient::SignedInClient(const ServiceProcess& service, const std::string& email, const std::string& password)
    : service_(service) {
    httplib::Result result = sign_in(service, email, password);
    INFO("signing in as ", email);
    adopt(result);
}

SignedInClient::SignedInClient(const ServiceProcess& service, const httplib::Result& signed_in) : service_(service) {
    adopt(signed_in);
}

void SignedInClient::adopt(const httplib::Result& signed_in) {
    session_ = json_of(signed_in, 200);
    std::optional<std::string> cookie = session_cookie_of(signed_in);
    REQUIRE(cookie);
    cookie_ = *cookie;
    csrf_token_ = session_["csrf_token"].get<std::string>();
}

httplib::Headers SignedInClient::with_session(const httplib::Headers& headers, bool csrf) const {
    httplib::Headers all = headers;
    all.emplace("Cookie", "portal_session=" + cookie_);
    if (csrf) all.emplace("X-CSRF-Token", csrf_token_);
    return all;
}

httplib::Result SignedInClient::get(const std::string& path, const httplib::Headers& headers) {
    httplib::Client client = service_.client();
    return client.Get(path, with_session(headers, false));
}

httplib::Result SignedInClient::post(const std::string& path, const json& body, const httplib::Headers& headers) {
    httplib::Client client = service_.client();
    return client.Post(path, with_session(headers, true), body.dump(), "application/json");
}

httplib::Result SignedInClient::post_bytes(const std::string& path, const std::string& bytes, const std::string& content_type,
                                           const httplib::Headers& headers) {
    httplib::Client client = service_.client();
    return client.Post(path, with_session(headers, true), bytes, content_type.c_str());
}

httplib::Result SignedInClient::post_multipart(const std::string& path, const httplib::MultipartFormDataItems& items,
                                               const httplib::Headers& headers) {
    httplib::Client client = service_.client();
    return client.Post(path, with_session(headers, true), items);
}

httplib::Result SignedInClient::post_without_csrf(const std::string& path, const json& body, const httplib::Headers& headers) {
    httplib::Client client = service_.client();
    return client.Post(path, with_session(headers, false), body.dump(), "application/json");
}

httplib::Result SignedInClient::remove(const std::string& path, const httplib::Headers& headers) {
    httplib::Client client = service_.client();
    return client.Delete(path, with_session(headers, true));
}

httplib::Result SignedInClient::patch(const std::string& path, const json& body, const httplib::Headers& headers) {
    httplib::Client client = service_.client();
    return client.Patch(path, with_session(headers, true), body.dump(), "application/json");
}

httplib::Result SignedInClient::post_once(const std::string& path, const json& body, const httplib::Headers& headers) {
    static std::atomic<int> next_key = 1;
    httplib::Headers with_key = headers;
    with_key.emplace("Idempotency-Key", "test-key-" + std::to_string(next_key++));
    return post(path, body, with_key);
}

httplib::Result SignedInClient::invite(const std::string& tenant, const json& body) {
    return post_once("/api/v1/tenants/" + tenant + "/support-users", body);
}

namespace {

class Connection {
public:
    explicit Connection(const std::filesystem::path& database) {
        REQUIRE(sqlite3_open(database.c_str(), &connection_) == SQLITE_OK);
        sqlite3_busy_timeout(connection_, 5000);
    }
    ~Connection() { sqlite3_close(connection_); }
    sqlite3* get() const { return connection_; }

    void run(const std::string& sql) {
        char* message = nullptr;
        int status = sqlite3_exec(connection_, sql.c_str(), nullptr, nullptr, &message);
        INFO("sql: ", sql, " -> ", message ? message : "");
        sqlite3_free(message);
        REQUIRE(status == SQLITE_OK);
    }

    int64_t number(const std::string& sql, const std::vector<std::string>& texts = {}) {
        sqlite3_stmt* statement = nullptr;
        REQUIRE(sqlite3_prepare_v2(connection_, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
        for (size_t i = 0; i < texts.size(); i++) sqlite3_bind_text(statement, int(i + 1), texts[i].c_str(), -1, SQLITE_TRANSIENT);
        int64_t value = -1;
        if (sqlite3_step(statement) == SQLITE_ROW) value = sqlite3_column_int64(statement, 0);
        sqlite3_finalize(statement);
        return value;
    }

private:
    sqlite3* connection_ = nullptr;
};

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

}  // namespace

int64_t add_member(const std::filesystem::path& database, const std::string& email, const std::string& password,
                   const std::string& tenant, const std::string& role, const std::string& status) {
    REQUIRE(sodium_init() >= 0);
    char hash[crypto_pwhash_STRBYTES];
    REQUIRE(crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0);
    Connection connection(database);
    connection.run("INSERT OR IGNORE INTO tenants(slug, name) VALUES(" + quoted(tenant) + ", " + quoted(tenant + " (test)") + ")");
    connection.run("INSERT OR IGNORE INTO users(email, name, password_hash, created_at) VALUES(" + quoted(email) + ", " +
                   quoted("Test " + email.substr(0, email.find('@'))) + ", " + quoted(hash) + ", strftime('%s', 'now'))");
    int64_t user = connection.number("SELECT id FROM users WHERE email = ?1", {email});
    int64_t tenant_id = connection.number("SELECT id FROM tenants WHERE slug = ?1", {tenant});
    connection.run("INSERT INTO memberships(user_id, tenant_id, role, status, invited_at) VALUES(" + std::to_string(user) +
                   ", " + std::to_string(tenant_id) + ", " + quoted(role) + ", " + quoted(status) + ", strftime('%s', 'now'))");
    return user;
}

void run_sql(const std::filesystem::path& database, const std::string& sql) { Connection(database).run(sql); }

int64_t query_number(const std::filesystem::path& database, const std::string& sql) { return Connection(database).number(sql); }

std::string token_of_link(const std::string& link) {
    const std::string marker = "/#/invitation/";
    size_t at = link.find(marker);
    REQUIRE_MESSAGE(at != std::string::npos, "not an invitation link: ", link);
    return link.substr(at + marker.size());
}

json newest_mail_to(const ServiceProcess& service, const std::string& email) {
    httplib::Client client = service.client();
    json mailbox = json_of(client.Get("/api/v1/dev/mailbox"), 200);
    for (const json& message : mailbox["messages"])
        if (message["to"] == email) return message;
    FAIL("no mail to ", email, " in ", mailbox.dump());
    return json();
}

httplib::Result accept_invitation(const ServiceProcess& service, const std::string& link, const std::string& name) {
    return service.client().Post("/api/v1/invitations/" + token_of_link(link) + "/accept",
                                 nlohmann::json{{"name", name}, {"password", "a long enough passphrase"}}.dump(), "application/json");
}

}  // namespace api_test
