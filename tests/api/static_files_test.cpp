// The static site: the right content types (WebAssembly streaming needs
// application/wasm), revalidation with ETags, gzip, and no way out of the
// public folder.
#include "service_process.hpp"

#include <doctest/doctest.h>
#include <zlib.h>

#include <optional>

using api_test::SampleSite;
using api_test::ServiceProcess;

namespace {

std::optional<std::string> gunzip(const std::string& bytes) {
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK) return std::nullopt;  // +16: gzip wrapper only
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = uInt(bytes.size());
    std::string out;
    int status = Z_OK;
    while (status == Z_OK) {
        char buffer[16384];
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - stream.avail_out);
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END || stream.avail_in != 0) return std::nullopt;
    return out;
}

const httplib::Headers no_compression = {{"Accept-Encoding", "identity"}};
const httplib::Headers gzip_wanted = {{"Accept-Encoding", "gzip, deflate, br"}};

}  // namespace

TEST_CASE("files are served with the content type the browser needs") {
    ServiceProcess service;
    httplib::Client client = service.client();
    struct Expected {
        const char* path;
        const char* content_type;
        std::string body;
    };
    for (const Expected& expected : {Expected{"/", "text/html; charset=utf-8", SampleSite::index_html()},
                                     Expected{"/index.html", "text/html; charset=utf-8", SampleSite::index_html()},
                                     Expected{"/portal.js", "text/javascript", SampleSite::portal_js()},
                                     Expected{"/portal.wasm", "application/wasm", SampleSite::portal_wasm()}}) {
        CAPTURE(expected.path);
        httplib::Result result = client.Get(expected.path, no_compression);
        REQUIRE(result);
        CHECK(result->status == 200);
        CHECK(result->get_header_value("Content-Type") == expected.content_type);
        CHECK(result->get_header_value("X-Content-Type-Options") == "nosniff");
        CHECK(!result->has_header("Content-Encoding"));
        CHECK(result->body == expected.body);
    }
}

TEST_CASE("app files are revalidated with a strong ETag and answered 304 when unchanged") {
    ServiceProcess service;
    httplib::Client client = service.client();
    httplib::Result first = client.Get("/portal.wasm", no_compression);
    REQUIRE(first);
    CHECK(first->get_header_value("Cache-Control") == "no-cache");
    std::string etag = first->get_header_value("ETag");
    CHECK(etag.starts_with('"'));  // strong: not W/"..."
    CHECK(etag.ends_with('"'));

    httplib::Result unchanged = client.Get("/portal.wasm", {{"Accept-Encoding", "identity"}, {"If-None-Match", etag}});
    REQUIRE(unchanged);
    CHECK(unchanged->status == 304);
    CHECK(unchanged->body.empty());
    CHECK(unchanged->get_header_value("ETag") == etag);

    SUBCASE("a rebuilt file gets a new ETag and its new content") {
        std::string rebuilt = SampleSite::portal_wasm() + std::string("\0\x03\x02hi", 5);
        api_test::write_file(service.public_dir() / "portal.wasm", rebuilt);
        httplib::Result result = client.Get("/portal.wasm", {{"Accept-Encoding", "identity"}, {"If-None-Match", etag}});
        REQUIRE(result);
        CHECK(result->status == 200);
        CHECK(result->get_header_value("ETag") != etag);
        CHECK(result->body == rebuilt);
    }
}

TEST_CASE("compressible files are sent gzipped when the client accepts gzip") {
    ServiceProcess service;
    httplib::Client client = service.client();
    for (const char* path : {"/portal.wasm", "/portal.js", "/"}) {
        CAPTURE(path);
        httplib::Result plain = client.Get(path, no_compression);
        httplib::Result gzipped = client.Get(path, gzip_wanted);
        REQUIRE(plain);
        REQUIRE(gzipped);
        CHECK(plain->get_header_value("Vary") == "Accept-Encoding");
        CHECK(gzipped->get_header_value("Vary") == "Accept-Encoding");
        CHECK(gzipped->get_header_value("Content-Encoding") == "gzip");
        CHECK(gzipped->get_header_value("Content-Type") == plain->get_header_value("Content-Type"));
        CHECK(gzipped->body.size() < plain->body.size());
        CHECK(gzipped->get_header_value("ETag") != plain->get_header_value("ETag"));
        CHECK(gunzip(gzipped->body) == plain->body);

        httplib::Result again = client.Get(path, {{"Accept-Encoding", "gzip"}, {"If-None-Match", gzipped->get_header_value("ETag")}});
        REQUIRE(again);
        CHECK(again->status == 304);
    }

    SUBCASE("gzip refused with q=0 is not used") {
        httplib::Result result = client.Get("/portal.js", {{"Accept-Encoding", "gzip;q=0, br"}});
        REQUIRE(result);
        CHECK(!result->has_header("Content-Encoding"));
        CHECK(result->body == SampleSite::portal_js());
    }
}

TEST_CASE("requests cannot reach files outside the public folder") {
    ServiceProcess service;
    httplib::Client client = service.client();
    std::string secret = api_test::read_file(service.temp_dir() / "secret.txt");
    REQUIRE(!secret.empty());
    std::string database = service.database_path().string();

    std::vector<std::string> sneaky_paths = {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt",
                                              "/portal.js/../../secret.txt", "//etc/passwd", "/%2fetc%2fpasswd", "/..%5csecret.txt",
                                              "/.%2e/secret.txt", "/" + database, "/%00index.html"};
    for (const std::string& path : sneaky_paths) {
        CAPTURE(path);
        httplib::Result result = client.Get(path, no_compression);
        REQUIRE(result);
        CHECK(result->status == 404);
        CHECK(result->body.find("outside the public folder") == std::string::npos);
        CHECK(result->body.find("root:") == std::string::npos);
    }
}

TEST_CASE("missing files are 404 and the site's files cannot be written") {
    ServiceProcess service;
    httplib::Client client = service.client();
    httplib::Result missing = client.Get("/no-such-file.js");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(missing->get_header_value("Content-Type") == "application/problem+json");

    httplib::Result put = client.Put("/portal.js", "alert(1)", "text/javascript");
    REQUIRE(put);
    CHECK(put->status == 405);
    CHECK(api_test::read_file(service.public_dir() / "portal.js") == SampleSite::portal_js());
}
