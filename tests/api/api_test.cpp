// The JSON API: health, the program document, and problem+json errors.
#include "service_process.hpp"

#include "core/program/program.hpp"
#include "core/text/content_tag.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using api_test::ServiceProcess;
using nlohmann::json;

namespace {

json parse_json(const std::string& text) {
    json parsed = json::parse(text, nullptr, false);
    REQUIRE_MESSAGE(!parsed.is_discarded(), "not JSON: ", text);
    return parsed;
}

void check_problem(const httplib::Result& result, int status) {
    REQUIRE(result);
    CHECK(result->status == status);
    CHECK(result->get_header_value("Content-Type") == "application/problem+json");
    CHECK(result->get_header_value("Cache-Control") == "no-store");
    json problem = parse_json(result->body);
    CHECK(problem["status"] == status);
    CHECK(problem["type"].is_string());
    CHECK(problem["title"].is_string());
    CHECK(!problem["title"].get<std::string>().empty());
    CHECK(problem["detail"].is_string());
}

}  // namespace

TEST_CASE("health reports the service and its database as ok") {
    ServiceProcess service;
    httplib::Client client = service.client();
    httplib::Result result = client.Get("/api/v1/health");
    REQUIRE(result);
    CHECK(result->status == 200);
    CHECK(result->get_header_value("Content-Type") == "application/json");
    CHECK(result->get_header_value("Cache-Control") == "no-store");
    json health = parse_json(result->body);
    CHECK(health["status"] == "ok");
    CHECK(health["database"] == "ok");
    CHECK(!health["version"].get<std::string>().empty());
}

TEST_CASE("each request is logged with method, path, status, duration and size") {
    ServiceProcess service;
    httplib::Client client = service.client();
    httplib::Result result = client.Get("/api/v1/health?token=secret");
    REQUIRE(result);
    std::string expected = "GET /api/v1/health 200 ";
    CHECK(service.process().wait_for_stderr(expected, std::chrono::seconds(2)));
    std::string log = service.process().stderr_text();
    std::string line = log.substr(log.find(expected));
    line = line.substr(0, line.find('\n'));
    CHECK(line.find(" ms ") != std::string::npos);
    CHECK(line.ends_with(" " + std::to_string(result->body.size()) + " bytes"));
    CHECK(log.find("secret") == std::string::npos);  // query strings stay out of the log
}

TEST_CASE("the program endpoint serves the built-in program document") {
    ServiceProcess service;
    httplib::Client client = service.client();
    httplib::Result result = client.Get("/api/v1/program");
    REQUIRE(result);
    CHECK(result->status == 200);
    CHECK(result->get_header_value("Content-Type") == "application/json");
    CHECK(result->get_header_value("Cache-Control") == "no-cache");
    CHECK(parse_json(result->body) == parse_json(std::string(core::default_program_json())));
    core::Parsed<core::Program> parsed = core::parse_program(result->body);
    CHECK_MESSAGE(parsed, parsed.error);

    SUBCASE("a client holding the current version gets 304 without a body") {
        std::string etag = result->get_header_value("ETag");
        REQUIRE(etag.starts_with('"'));
        httplib::Result again = client.Get("/api/v1/program", {{"If-None-Match", etag}});
        REQUIRE(again);
        CHECK(again->status == 304);
        CHECK(again->body.empty());
        CHECK(again->get_header_value("ETag") == etag);
    }
    SUBCASE("the portal asks with its compiled-in program's tag, and gzip allowed, and is told it is current") {
        const std::string compiled_in = core::content_tag(core::default_program_json());
        httplib::Result again =
            client.Get("/api/v1/program", {{"If-None-Match", compiled_in}, {"Accept-Encoding", "gzip"}});
        REQUIRE(again);
        CHECK(again->status == 304);
        CHECK(again->body.empty());
        CHECK(again->get_header_value("ETag") == compiled_in);
        // Another tag still gets the document.
        httplib::Result other = client.Get("/api/v1/program", {{"If-None-Match", "\"0-0\""}});
        REQUIRE(other);
        CHECK(other->status == 200);
    }
}

TEST_CASE("the program endpoint serves the document given with --program") {
    api_test::TempFolder folder;
    json program = parse_json(std::string(core::default_program_json()));
    program["product_name"] = "Help Centre";
    std::filesystem::path file = folder.path() / "program.json";
    api_test::write_file(file, program.dump(2));

    api_test::ServiceOptions options;
    options.extra_args = {"--program", file.string()};
    ServiceProcess service(options);
    httplib::Client client = service.client();
    httplib::Result result = client.Get("/api/v1/program");
    REQUIRE(result);
    CHECK(result->status == 200);
    CHECK(parse_json(result->body)["product_name"] == "Help Centre");
}

TEST_CASE("unknown API paths and wrong methods get problem+json errors") {
    ServiceProcess service;
    httplib::Client client = service.client();

    check_problem(client.Get("/api/v1/nothing-here"), 404);
    check_problem(client.Get("/api/v2/health"), 404);
    check_problem(client.Get("/api"), 404);

    httplib::Result post = client.Post("/api/v1/health", "{}", "application/json");
    check_problem(post, 405);
    CHECK(post->get_header_value("Allow") == "GET, HEAD");
    check_problem(client.Delete("/api/v1/program"), 405);
}

TEST_CASE("every response carries the security headers") {
    ServiceProcess service;
    httplib::Client client = service.client();
    for (const char* path : {"/", "/api/v1/health", "/api/v1/nothing-here", "/missing.js"}) {
        CAPTURE(path);
        httplib::Result result = client.Get(path);
        REQUIRE(result);
        CHECK(result->get_header_value("X-Content-Type-Options") == "nosniff");
        CHECK(result->get_header_value("Referrer-Policy") == "no-referrer");
        std::string policy = result->get_header_value("Content-Security-Policy");
        CHECK(policy.find("default-src 'self'") != std::string::npos);
        CHECK(policy.find("script-src 'self' 'wasm-unsafe-eval'") != std::string::npos);
        CHECK(policy.find("worker-src 'self'") != std::string::npos);   // the offline shell's service worker
    }
}
