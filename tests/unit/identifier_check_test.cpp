// Organization IDs and application keys in the shape the program document
// describes, and any other ID loosely.
#include "core/checks/identifier_check.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <functional>

using namespace core;

namespace {

const IdentifierFormat& format(FieldKind kind) {
    const IdentifierFormat* found = default_program().find_identifier_format(kind);
    REQUIRE(found);
    return *found;
}

}  // namespace

TEST_CASE("the program's examples fit their formats") {
    CHECK(identifier_problem(format(FieldKind::OrganizationId), "org_7Hq2KpL9sX4mN1aB") == "");
    CHECK(identifier_problem(format(FieldKind::OrganizationId), "org_7Hq2KpL9sX4mN1aB7Hq2KpL9sX4mN1aB") == "");   // 32
    CHECK(identifier_problem(format(FieldKind::ApplicationKey), "app_3f9c2a71d4e84b0c") == "");
}

TEST_CASE("an organization ID of the wrong length says the shape and the count") {
    CHECK(identifier_problem(format(FieldKind::OrganizationId), "org_7Hq2KpL9") ==
          "An organization ID is \"org_\" followed by 16 to 32 letters or digits, like org_7Hq2KpL9sX4mN1aB; this one "
          "has 8 after \"org_\".");
}

TEST_CASE("a missing prefix is added when the rest fits") {
    CHECK(identifier_problem(format(FieldKind::OrganizationId), "7Hq2KpL9sX4mN1aB") ==
          "An organization ID is \"org_\" followed by 16 to 32 letters or digits, like org_7Hq2KpL9sX4mN1aB; add "
          "\"org_\" in front.");
    CHECK(identifier_problem(format(FieldKind::ApplicationKey), "org_7Hq2KpL9sX4mN1aB")
              .ends_with("; \"org_7Hq2KpL9sX4mN1aB\" does not start with \"app_\"."));
}

TEST_CASE("characters outside the format are named") {
    CHECK(identifier_problem(format(FieldKind::ApplicationKey), "app_3F9C2A71D4E84B0G") ==
          "An application key is \"app_\" followed by 16 hexadecimal digits (0-9, a-f), like app_3f9c2a71d4e84b0c; this "
          "one has \"F\", \"C\", \"A\", \"D\", \"E\" and more. Copy it again from its settings page.");
    CHECK(identifier_problem(format(FieldKind::OrganizationId), "org_7Hq2KpL9-X4mN1aB").find("has \"-\"") !=
          std::string::npos);
}

TEST_CASE("other IDs are one token of printable characters") {
    CHECK(free_identifier_problem("corr_01HXZ3T8K9QW7M2V", "corr_01HXZ3T8K9QW7M2V") == "");
    CHECK(free_identifier_problem("9b2f1c1e-7d4a-4e0b-8c55-0f3c2d1a9e77", "") == "");
    CHECK(free_identifier_problem("corr 01HX", "corr_01HXZ3T8K9QW7M2V") ==
          "An ID is one word without spaces, like corr_01HXZ3T8K9QW7M2V; enter a single ID and remove the spaces.");
    CHECK(free_identifier_problem("ent_9KD2F7QX\xc2\xa0", "ent_9KD2F7QX") ==
          "An ID is plain letters, digits and punctuation, like ent_9KD2F7QX; this one has \"\xc2\xa0\". Copy it again "
          "from its source.");
    CHECK(free_identifier_problem(std::string(201, 'x'), "").starts_with("An ID is at most 200 characters; this one has 201."));
}

TEST_CASE("identifier formats and the tenant issuer are read from the program document") {
    const Program& program = default_program();
    REQUIRE(program.identifier_formats.size() == 2);
    const IdentifierFormat& org = format(FieldKind::OrganizationId);
    CHECK(org.name == "organization ID");
    CHECK(org.prefix == "org_");
    CHECK(org.characters == IdentifierCharacters::Alphanumeric);
    CHECK(org.min_length == 16);
    CHECK(org.max_length == 32);
    CHECK(format(FieldKind::ApplicationKey).characters == IdentifierCharacters::LowercaseHex);
    CHECK(program.find_identifier_format(FieldKind::Identifier) == nullptr);
    CHECK(program.tenant_issuer == "https://{tenant}.example.com/");

    Parsed<Program> again = parse_program(program_to_json(program));
    REQUIRE_MESSAGE(again, again.error);
    CHECK(again.value->identifier_formats == program.identifier_formats);
    CHECK(again.value->tenant_issuer == program.tenant_issuer);
}

TEST_CASE("a program without identifier formats or issuer is still valid") {
    nlohmann::json doc = nlohmann::json::parse(default_program_json());
    doc.erase("identifier_formats");
    doc.erase("tenant_issuer");
    Parsed<Program> parsed = parse_program(doc.dump());
    REQUIRE_MESSAGE(parsed, parsed.error);
    CHECK(parsed.value->identifier_formats.empty());
    CHECK(parsed.value->tenant_issuer.empty());
}

TEST_CASE("bad identifier formats and issuers are rejected with their path") {
    struct Case {
        const char* what;
        std::function<void(nlohmann::json&)> edit;
        const char* expected;
    };
    const Case cases[] = {
        {"kind without a vendor format", [](nlohmann::json& d) { d["identifier_formats"][0]["kind"] = "tenant_slug"; },
         "identifier_formats[0].kind: \"tenant_slug\" has no vendor format (use organization_id or application_key)"},
        {"unknown characters", [](nlohmann::json& d) { d["identifier_formats"][1]["characters"] = "emoji"; },
         "identifier_formats[1].characters: unknown characters \"emoji\""},
        {"lengths the wrong way round", [](nlohmann::json& d) { d["identifier_formats"][0]["max_length"] = 8; },
         "identifier_formats[0].max_length: is less than min_length"},
        {"zero length", [](nlohmann::json& d) { d["identifier_formats"][0]["min_length"] = 0; },
         "identifier_formats[0].min_length: 0 is not between 1 and 256"},
        {"example that does not fit", [](nlohmann::json& d) { d["identifier_formats"][1]["example"] = "app_XYZ"; },
         "identifier_formats[1].example: \"app_XYZ\" does not fit: An application key is"},
        {"two formats for one kind", [](nlohmann::json& d) { d["identifier_formats"][1]["kind"] = "organization_id"; },
         "identifier_formats: duplicate kind \"organization_id\""},
        {"issuer without the tenant", [](nlohmann::json& d) { d["tenant_issuer"] = "https://login.example.com/"; },
         "tenant_issuer: \"https://login.example.com/\" must contain {tenant} where the tenant slug goes"},
        {"issuer over http", [](nlohmann::json& d) { d["tenant_issuer"] = "http://{tenant}.example.com/"; },
         "tenant_issuer: \"http://{tenant}.example.com/\" must start with https://"},
        {"issuer not a string", [](nlohmann::json& d) { d["tenant_issuer"] = 1; },
         "tenant_issuer: expected a string, got 1"},
    };
    const nlohmann::json original = nlohmann::json::parse(default_program_json());
    for (const Case& c : cases) {
        CAPTURE(c.what);
        nlohmann::json doc = original;
        c.edit(doc);
        Parsed<Program> parsed = parse_program(doc.dump());
        CAPTURE(parsed.error);
        CHECK_FALSE(parsed);
        CHECK(parsed.error.starts_with(c.expected));
    }
}
