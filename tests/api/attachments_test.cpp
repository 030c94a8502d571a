// Files on tickets over HTTP: each kind by its bytes (never its name or
// type), the raw and the multipart form, HAR files checked and sanitised
// again, who may read and add them, idempotency, closed tickets, the
// program's retention after closing. Runs against --demo.
#include "signed_in_client.hpp"
#include "ticket_drafts.hpp"

#include "core/har/har_sanitizer.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using api_test::ServiceProcess;
using api_test::SignedInClient;
using nlohmann::json;

namespace {

const std::string png = std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16) + std::string(200, '\x01');
const std::string jpeg = std::string("\xFF\xD8\xFF\xE0\0\x10JFIF", 10) + std::string(100, '\x02');
const std::string webp = std::string("RIFF\x24\0\0\0WEBPVP8 ", 16) + std::string(100, '\x03');
const std::string log_text = "2026-12-07 10:00:01 ERROR callback: state mismatch\n2026-12-07 10:00:02 INFO retrying\n";

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(PORTAL_SOURCE_DIR) + "/../shared/fixtures/" + name, std::ios::binary);
    REQUIRE_MESSAGE(in, "cannot read fixture ", name);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string sanitized(const std::string& har) {
    core::HarSanitizerOptions options;
    options.key.bytes.fill(42);
    const core::SanitizedHar result = core::sanitize_har(har, options);
    REQUIRE(result.ok);
    return result.text;
}

int next_key = 1;
httplib::Headers upload_headers(const std::string& file_name) {
    return {{"Idempotency-Key", "attach-" + std::to_string(next_key++)}, {"X-File-Name", file_name}};
}

httplib::Result attach(SignedInClient& client, const std::string& ticket, const std::string& bytes, const std::string& file_name,
                       const std::string& content_type = "application/octet-stream") {
    return client.post_bytes("/api/v1/tickets/" + ticket + "/attachments", bytes, content_type, upload_headers(file_name));
}

// The one field problem of a refusal, with its status checked.
std::string file_problem(const httplib::Result& result, int status) {
    api_test::problem_of(result, status);
    const json problem = api_test::parse_json(result->body);
    REQUIRE(problem["errors"].size() == 1);
    CHECK(problem["errors"][0]["field"] == "file");
    return problem["errors"][0]["message"];
}

json new_ticket(SignedInClient& client, const std::string& tenant = "acme-prod") {
    return api_test::json_of(client.post_once("/api/v1/tickets", api_test::onboarding_draft(tenant)), 201);
}

}  // namespace

TEST_CASE("screenshots, logs and sanitised HAR files attach by what their bytes are, and come back byte for byte") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");   // support-only user of acme-prod
    const std::string id = new_ticket(sam)["id"];
    const std::string har = sanitized(fixture("har/jfromaniello-har-sanitizer_example.har"));

    struct Case {
        std::string bytes, name, kind, media_type;
    };
    const Case cases[] = {{png, "login error.png", "png", "image/png"},
                          {jpeg, "C:\\Users\\sam\\Desktop\\shot.jpg", "jpeg", "image/jpeg"},
                          {webp, "shot.webp", "webp", "image/webp"},
                          {log_text, "app.log", "log", "text/plain; charset=utf-8"},
                          {har, "failed-login.har", "har", "application/json"}};
    std::vector<json> added;
    for (const Case& c : cases) {
        INFO(c.kind);
        const json attachment = api_test::json_of(attach(sam, id, c.bytes, c.name), 201);
        CHECK(attachment["kind"] == c.kind);
        CHECK(attachment["media_type"] == c.media_type);
        CHECK(attachment["size"] == c.bytes.size());
        CHECK(attachment["added_by"] == json{{"email", "sam.taylor@acme.example"}, {"name", "Sam Taylor"}, {"kind", "customer"}});
        CHECK(attachment["id"].get<std::string>().starts_with("att_"));
        CHECK(attachment["url"] == "/api/v1/tickets/" + id + "/attachments/" + attachment["id"].get<std::string>());
        added.push_back(attachment);
    }
    CHECK(added[0]["file_name"] == "login error.png");
    CHECK(added[1]["file_name"] == "shot.jpg");   // a path's last part only
    // A name in UTF-8 travels percent-encoded in its header, as the page sends it.
    CHECK(api_test::json_of(attach(sam, id, log_text, "%E2%9C%93%20r%C3%A9sum%C3%A9.log"), 201)["file_name"] == "✓ résumé.log");

    // Listed oldest first, on the ticket too.
    const json listed = api_test::json_of(sam.get("/api/v1/tickets/" + id + "/attachments"), 200);
    REQUIRE(listed["attachments"].size() == 6);
    CHECK(listed["attachments"][4]["id"] == added[4]["id"]);
    const json details = api_test::json_of(sam.get("/api/v1/tickets/" + id), 200);
    CHECK(details["attachments"] == listed["attachments"]);

    // Downloaded as sent, never as a page of the portal's origin.
    for (size_t i = 0; i < added.size(); i++) {
        httplib::Result got = sam.get(added[i]["url"]);
        REQUIRE(got);
        CHECK(got->status == 200);
        CHECK(got->body == cases[i].bytes);
        CHECK(got->get_header_value("Content-Type") == cases[i].media_type);
        CHECK(got->get_header_value("X-Content-Type-Options") == "nosniff");
        CHECK(got->get_header_value("Content-Disposition").starts_with("attachment; filename="));
        bool sandboxed = false;
        for (auto [it, end] = got->headers.equal_range("Content-Security-Policy"); it != end; ++it) sandboxed |= it->second == "sandbox";
        CHECK(sandboxed);
        const std::string etag = got->get_header_value("ETag");
        CHECK(etag == "\"" + added[i]["sha256"].get<std::string>() + "\"");
        httplib::Result again = sam.get(added[i]["url"], {{"If-None-Match", etag}});
        REQUIRE(again);
        CHECK(again->status == 304);
    }
    // (httplib's client undoes the %20 of filename* as it reads headers.)
    CHECK(sam.get(added[0]["url"])->get_header_value("Content-Disposition") ==
          "attachment; filename=\"login error.png\"; filename*=UTF-8''login error.png");

    // The same as a multipart form, as a browser's file field sends it.
    httplib::Result multipart = sam.post_multipart("/api/v1/tickets/" + id + "/attachments",
                                                   {{"file", png, "from-form.png", "image/png"}}, {{"Idempotency-Key", "multipart-1"}});
    const json from_form = api_test::json_of(multipart, 201);
    CHECK(from_form["file_name"] == "from-form.png");
    CHECK(sam.get(from_form["url"])->body == png);
    api_test::problem_of(sam.post_multipart("/api/v1/tickets/" + id + "/attachments", {{"other", png, "x.png", "image/png"}},
                                            {{"Idempotency-Key", "multipart-2"}}),
                         400);

    // A file of 5 MiB passes the 1 MiB limit other routes keep.
    const std::string big = std::string(5 * 1024 * 1024, 'x') + "\n";
    CHECK(api_test::json_of(attach(sam, id, big, "big.log"), 201)["size"] == big.size());
    httplib::Result too_big_elsewhere = sam.post_bytes("/api/v1/tickets/" + id + "/comments", big, "application/json", upload_headers("x"));
    REQUIRE(too_big_elsewhere);
    CHECK(too_big_elsewhere->status == 413);
}

TEST_CASE("what a file claims to be counts for nothing: forged images, pages and unknown bytes are refused") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");
    const std::string id = new_ticket(sam)["id"];
    CHECK(file_problem(attach(sam, id, "<svg onload=alert(1)>", "shot.png", "image/png"), 415) ==
          "Pages and XML files are not attached as they are: take a screenshot, or save the text as a .txt file.");
    CHECK(file_problem(attach(sam, id, std::string("\x7F" "ELF\x02\x01\x01\0", 8), "report.pdf", "application/pdf"), 415) ==
          "Attach a screenshot (PNG, JPEG or WebP), a log file (plain text) or a HAR file; this file is none of them.");
    CHECK(file_problem(attach(sam, id, "", "empty.log"), 415) == "The file is empty.");
    CHECK(file_problem(attach(sam, id, "{\"log\": {\"entries\": [", "cut.har"), 422) ==
          "This is not a HAR file that can be read: log.entries: The file ends here: it was cut off while saving, or is only part of a HAR file.");
    CHECK(api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM attachments") == 0);
}

TEST_CASE("a HAR file that still holds a cookie or a credential is refused, naming where; others are sanitised again") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");
    const std::string id = new_ticket(sam)["id"];
    const std::string raw = fixture("har/jfromaniello-har-sanitizer_example.har");
    CHECK(file_problem(attach(sam, id, raw, "login.har"), 422) ==
          "log.entries[0].request.headers[8] (cookie COOKIE1) still holds a cookie value: sanitise the file on the HAR page first.");
    const std::string bearer =
        R"({"log":{"entries":[{"request":{"method":"GET","url":"https://a.example/","headers":[{"name":"authorization","value":"Bearer abc123"}]}}]}})";
    CHECK(file_problem(attach(sam, id, bearer, "bearer.har"), 422) ==
          "log.entries[0].request.headers[0] (authorization) still holds a credential: sanitise the file on the HAR page first.");

    // Cookies gone, a password left in a body: kept, with the password redacted by the service.
    const std::string with_password =
        R"({"log":{"entries":[{"request":{"method":"POST","url":"https://a.example/login","postData":{"mimeType":"application/json","text":"{\"password\":\"hunter2\"}"}}}]}})";
    const json attachment = api_test::json_of(attach(sam, id, with_password, "login.har"), 201);
    const std::string kept = sam.get(attachment["url"])->body;
    CHECK(kept.find("hunter2") == std::string::npos);
    CHECK(kept.find("REDACTED_") != std::string::npos);
    CHECK(attachment["size"] == kept.size());
}

TEST_CASE("only those who see the ticket read its files; adding one is idempotent; a closed ticket takes none") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");          // support-only, acme-prod
    SignedInClient globex_admin(service, "admin@globex.example");    // admin, globex-dev
    SignedInClient engineer(service, "engineer@vendor.example");
    const json ticket = new_ticket(sam);
    const std::string id = ticket["id"], path = "/api/v1/tickets/" + id;
    const httplib::Headers once = {{"Idempotency-Key", "same-file"}, {"X-File-Name", "app.log"}};
    const json attachment = api_test::json_of(sam.post_bytes(path + "/attachments", log_text, "text/plain", once), 201);

    // Sent again after a lost answer: the first answer, one file.
    httplib::Result replayed = sam.post_bytes(path + "/attachments", log_text, "text/plain", once);
    CHECK(api_test::json_of(replayed, 201) == attachment);
    CHECK(replayed->get_header_value("Idempotent-Replayed") == "true");
    api_test::problem_of(sam.post_bytes(path + "/attachments", log_text + "more", "text/plain", once), 422);
    CHECK(api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM attachments") == 1);

    // Another tenant's people: no such ticket, whatever they try.
    api_test::problem_of(globex_admin.get(path + "/attachments"), 404);
    api_test::problem_of(globex_admin.get(attachment["url"]), 404);
    api_test::problem_of(attach(globex_admin, id, log_text, "x.log"), 404);
    // Support engineers read and add files to any ticket.
    CHECK(engineer.get(attachment["url"])->body == log_text);
    CHECK(api_test::json_of(attach(engineer, id, png, "repro.png"), 201)["added_by"]["kind"] == "support");
    api_test::problem_of(sam.get(path + "/attachments/att_000000000000000000000000"), 404);
    // Without a session: 401; without the CSRF token: 403.
    api_test::problem_of(service.client().Get(attachment["url"].get<std::string>()), 401);
    api_test::problem_of(sam.post_without_csrf(path + "/attachments", json::object(), upload_headers("x.log")), 403);

    // Closed: no more files.
    api_test::json_of(engineer.post(path + "/solve", json::object()), 200);
    api_test::json_of(sam.post(path + "/confirm", json::object()), 200);
    api_test::problem_of(attach(sam, id, log_text, "late.log"), 409);
    CHECK(sam.get(attachment["url"])->status == 200);   // still kept for now
}

TEST_CASE("attachments of a closed ticket go the program's 90 days after it closed") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient sam(service, "sam.taylor@acme.example");
    SignedInClient engineer(service, "engineer@vendor.example");
    const std::string kept_id = new_ticket(sam)["id"], closed_id = new_ticket(sam)["id"];
    const json kept = api_test::json_of(attach(sam, kept_id, log_text, "kept.log"), 201);
    const json old = api_test::json_of(attach(sam, closed_id, log_text, "old.log"), 201);
    api_test::json_of(engineer.post("/api/v1/tickets/" + closed_id + "/solve", json::object()), 200);
    api_test::json_of(sam.post("/api/v1/tickets/" + closed_id + "/confirm", json::object()), 200);
    CHECK(api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM tickets WHERE closed_at IS NOT NULL AND id = '" + closed_id + "'") == 1);

    // Closed 89 days ago: still there.
    api_test::run_sql(service.database_path(), "UPDATE tickets SET closed_at = closed_at - 89 * 86400 WHERE id = '" + closed_id + "'");
    CHECK(sam.get(old["url"])->status == 200);
    // 91 days ago: gone from lists and downloads at once, and from the database.
    api_test::run_sql(service.database_path(), "UPDATE tickets SET closed_at = closed_at - 2 * 86400 WHERE id = '" + closed_id + "'");
    api_test::problem_of(sam.get(old["url"]), 404);
    CHECK(api_test::json_of(sam.get("/api/v1/tickets/" + closed_id + "/attachments"), 200)["attachments"].empty());
    CHECK(api_test::json_of(sam.get("/api/v1/tickets/" + closed_id), 200)["attachments"].empty());
    CHECK(sam.get(kept["url"])->status == 200);   // an open ticket's stay
    CHECK(api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM attachments WHERE ticket_id = '" + closed_id + "'") == 1);
    // The next file added anywhere takes them out of the database.
    api_test::json_of(attach(sam, kept_id, png, "next.png"), 201);
    CHECK(api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM attachments WHERE ticket_id = '" + closed_id + "'") == 0);
    CHECK(api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM attachment_bytes") == 2);
}
