// Tenant slugs: what the onboarding form accepts, and the slug it suggests
// for what it does not.
#include "core/checks/tenant_slug.hpp"

#include <doctest/doctest.h>

using namespace core;

TEST_CASE("valid tenant slugs pass") {
    const std::string longest = "a" + std::string(62, '2');
    for (std::string_view slug : {std::string_view("acme-prod"), std::string_view("abc"), std::string_view("a1b"),
                                  std::string_view("globex-dev-2"), std::string_view(longest)}) {
        CAPTURE(slug);
        CHECK(tenant_slug_problem(slug) == "");
    }
}

TEST_CASE("a slug with other characters names them and suggests the likely slug") {
    CHECK(tenant_slug_problem("Acme_Prod") ==
          "A tenant slug uses only lowercase letters, digits and hyphens; \"Acme_Prod\" has \"A\", \"_\", \"P\". Try "
          "\"acme-prod\".");
    CHECK(tenant_slug_problem("acme prod") ==
          "A tenant slug uses only lowercase letters, digits and hyphens; \"acme prod\" has a space. Try \"acme-prod\".");
    CHECK(tenant_slug_problem("acme.prod").find("has \".\"") != std::string::npos);
    CHECK(tenant_slug_problem("müller-gmbh").find("has \"ü\"") != std::string::npos);   // one character, not two bytes
}

TEST_CASE("length and hyphens at the ends") {
    CHECK(tenant_slug_problem("ab") ==
          "A tenant slug has 3 to 63 characters; \"ab\" has 2. Copy it from the dashboard's tenant switcher.");
    CHECK(tenant_slug_problem(std::string(64, 'a')).find("has 64") != std::string::npos);
    CHECK(tenant_slug_problem("-acme") == "A tenant slug cannot start or end with a hyphen. Try \"acme\".");
    CHECK(tenant_slug_problem("acme-prod-") == "A tenant slug cannot start or end with a hyphen. Try \"acme-prod\".");
}

TEST_CASE("suggestions are valid slugs or nothing") {
    CHECK(suggest_tenant_slug("  Acme  Prod!! ") == "acme-prod");
    CHECK(suggest_tenant_slug("ACME") == "acme");
    CHECK(suggest_tenant_slug("a_") == "");   // too short to be anyone's slug
    CHECK(suggest_tenant_slug(std::string(70, 'x')).size() == 63);
    CHECK(tenant_slug_problem(suggest_tenant_slug("Globex__Dev--2")) == "");
}
