// check_field: each field kind of the built-in program, through the fields
// the forms really show.
#include "core/text/base64url.hpp"
#include "core/time/zone_catalog.hpp"
#include "core/checks/field_check.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace core;

namespace {

// 2024-05-14T12:00:00Z
const Instant now{std::chrono::seconds{1715688000}};
const FieldCheckContext in_utc{now, nullptr};

const Field& field(std::string_view route_id, std::string_view field_id) {
    const Route* route = default_program().find_route(route_id);
    REQUIRE(route);
    const Field* found = route->find_field(field_id);
    REQUIRE(found);
    return *found;
}

std::vector<FieldIssue> check(std::string_view route_id, std::string_view field_id, std::string_view value,
                              const FieldCheckContext& context = in_utc) {
    return check_field(default_program(), field(route_id, field_id), value, context);
}

FieldIssue only_issue(std::string_view route_id, std::string_view field_id, std::string_view value,
                      const FieldCheckContext& context = in_utc) {
    std::vector<FieldIssue> issues = check(route_id, field_id, value, context);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].field == field_id);
    return issues[0];
}

}  // namespace

TEST_CASE("empty fields: required ones say so, optional ones pass") {
    CHECK(only_issue("onboarding", "tenant", "") ==
          FieldIssue{"tenant", "Tenant slug is required; for example acme-prod.", true});
    CHECK(only_issue("onboarding", "client_purpose", " ").message ==
          "Client purpose is required; choose one of the options.");
    CHECK(only_issue("onboarding", "description", "\n\n").message == "Description is required.");
    CHECK(check("onboarding", "correlation_id", "").empty());
    CHECK(check("onboarding", "token", "  ").empty());
}

TEST_CASE("each kind runs its own rule") {
    CHECK(check("onboarding", "tenant", "acme-prod").empty());
    CHECK(only_issue("onboarding", "tenant", "Acme_Prod").message.ends_with("Try \"acme-prod\"."));

    CHECK(check("onboarding", "organization_id", "org_7Hq2KpL9sX4mN1aB").empty());
    CHECK(only_issue("onboarding", "organization_id", "org_123").message.starts_with("An organization ID is \"org_\""));
    CHECK(check("onboarding", "application", "app_3f9c2a71d4e84b0c").empty());
    CHECK(only_issue("onboarding", "application", "app_XYZ").message.starts_with("An application key is \"app_\""));

    CHECK(check("onboarding", "correlation_id", "corr_01HXZ3T8K9QW7M2V").empty());
    CHECK(only_issue("onboarding", "correlation_id", "corr 01").message.starts_with("An ID is one word"));

    CHECK(check("security", "reporter_email", " Researcher@Example.com ").empty());
    CHECK(only_issue("security", "reporter_email", "researcher.example.com").message.find("needs an @") !=
          std::string::npos);

    CHECK(check("production", "environment", "Staging").empty());
    CHECK(only_issue("production", "environment", "QA").message ==
          "\"QA\" is not one of the options; choose one of: Production, Staging, Development.");

    CHECK(only_issue("onboarding", "summary", "one\ntwo").message.starts_with("This field takes one line"));
    CHECK(check("onboarding", "description", "one\ntwo").empty());
}

TEST_CASE("identifier kinds without a format in the program are checked loosely") {
    Program loose = default_program();
    loose.identifier_formats.clear();
    const Field& org = field("onboarding", "organization_id");
    CHECK(check_field(loose, org, "anything-without-spaces", in_utc).empty());
    CHECK(check_field(loose, org, "two words", in_utc).size() == 1);
}

TEST_CASE("values other than free text ignore surrounding spaces") {
    CHECK(check("onboarding", "tenant", "  acme-prod\n").empty());
    CHECK(check("onboarding", "redirect_uri", " https://app.example.com/callback ").empty());
}

TEST_CASE("timestamps: read in the user's zone, early years refused, the future warned about") {
    const FieldCheckContext in_berlin{now, core::locate_zone("Europe/Berlin")};
    CHECK(check("onboarding", "occurred_at", "2024-05-14 09:32", in_berlin).empty());
    CHECK(only_issue("onboarding", "occurred_at", "1999-12-31 23:59Z").message ==
          "Fri 31 Dec 1999, 23:59 UTC is before 2000; check the year.");
    CHECK(only_issue("onboarding", "occurred_at", "14/Foo/2024").message.starts_with("Write the date and time like"));

    // Five minutes ahead is ordinary clock drift; more is worth a word but does not block.
    CHECK(check("onboarding", "occurred_at", "2024-05-14T12:05:00Z").empty());
    FieldIssue ahead = only_issue("onboarding", "occurred_at", "2024-05-14 16:00", in_berlin);
    CHECK_FALSE(ahead.blocking);
    CHECK(ahead.message ==
          "Tue 14 May 2024, 16:00 CEST is 2 hours in the future. If that is what the log says, the clock of your "
          "computer or of the server may be off (clock skew); check that both set their time by NTP.");
}

TEST_CASE("redirect URI and registered URIs are checked line by line on their own") {
    CHECK(check("onboarding", "redirect_uri", "http://localhost:3000/callback").empty());
    std::vector<FieldIssue> issues = check("onboarding", "redirect_uri", "http://app.example.com/cb#x");
    REQUIRE(issues.size() == 2);
    CHECK(issues[0].message.starts_with("A redirect URI must use https"));
    CHECK(issues[1].message == "A redirect URI cannot have a fragment; remove \"#x\".");

    CHECK(check("onboarding", "registered_redirect_uris", "https://app.example.com/cb\n\nhttp://localhost:3000/cb").empty());
    CHECK(check("onboarding", "registered_redirect_uris", "https://app.example.com/cb\napp.example.com/cb") ==
          std::vector<FieldIssue>{{"registered_redirect_uris",
                                   "Line 2: The URL needs its scheme in front; write https://app.example.com/cb (or "
                                   "http:// for localhost).",
                                   true}});
}

TEST_CASE("a token blocks only when it cannot be decoded") {
    CHECK(only_issue("onboarding", "token", "not-a-token").message.starts_with("A JWT has three parts"));
    const std::string unsigned_token =
        base64url_encode(R"({"alg":"none"})") + "." + base64url_encode(R"({"exp":1715691300})") + ".";
    std::vector<FieldIssue> issues = check("onboarding", "token", unsigned_token);
    REQUIRE(issues.size() == 1);
    CHECK_FALSE(issues[0].blocking);
    CHECK(issues[0].message.starts_with("alg is \"none\""));
}

TEST_CASE("the onboarding form asks for registered URIs before the sent one, and for a token") {
    const Route& onboarding = *default_program().find_route("onboarding");
    std::vector<std::string> ids;
    for (const Field& f : onboarding.fields) ids.push_back(f.id);
    auto at = [&](std::string_view id) { return std::find(ids.begin(), ids.end(), id) - ids.begin(); };
    CHECK(at("registered_redirect_uris") + 1 == at("redirect_uri"));
    CHECK(at("error_message") + 1 == at("token"));
    const Field& registered = field("onboarding", "registered_redirect_uris");
    CHECK(registered.kind == FieldKind::UrlList);
    CHECK(registered.required);
    CHECK(registered.caption == "Registered redirect URIs");
    CHECK(registered.hint == "Copy them from the client's settings page, one per line.");
    CHECK(field("onboarding", "redirect_uri").kind == FieldKind::RedirectUri);
    const Field& token = field("onboarding", "token");
    CHECK(token.kind == FieldKind::Jwt);
    CHECK_FALSE(token.required);
    CHECK(token.caption == "Token (JWT)");
    CHECK(token.hint == "Paste an ID or access token to decode it here; it never leaves your browser.");
}
