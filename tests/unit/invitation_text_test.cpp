// What an invitation page tells its reader (core/model/invitation_text).
#include "core/model/invitation_text.hpp"

#include <doctest/doctest.h>

using namespace core;

static Invitation read(std::string_view json_text) {
    Parsed<Invitation> parsed = parse_invitation(json_text);
    REQUIRE(parsed);
    return *parsed.value;
}

TEST_CASE("an operator's invitation of a tenant's first admin says so, and names nobody as the inviter") {
    const InvitationText text = invitation_text(read(R"({"email": "ada@umbrella.example", "invited_by": null,
        "tenants": [{"tenant": "umbrella", "tenant_name": "Umbrella Health", "role": "admin"}]})"));
    CHECK(text.heading == "Join as an admin");
    CHECK(text.sentence.rfind("You were invited to administer support for Umbrella Health as ada@umbrella.example. "
                              "As an admin there, ",
                              0) == 0);
}

TEST_CASE("an admin's invitation of a support user to two tenants names the inviter and both tenants") {
    const InvitationText text = invitation_text(read(R"({"email": "sam@acme.example",
        "invited_by": {"email": "ada@acme.example", "name": "Ada"},
        "tenants": [{"tenant": "acme-prod", "tenant_name": "Acme", "role": "support_only"},
                    {"tenant": "acme-dev", "tenant_name": "", "role": "support_only"}]})"));
    CHECK(text.heading == "Join as a support user");
    CHECK(text.sentence.find("invited you to get support for Acme and acme-dev as sam@acme.example. As a support user") !=
          std::string::npos);
}

TEST_CASE("an engineer's invitation lists every tenant; mixed roles name each role's tenants") {
    const InvitationText engineer = invitation_text(read(R"({"email": "eve@vendor.example", "tenants": [
        {"tenant": "a", "tenant_name": "A", "role": "support_engineer"},
        {"tenant": "b", "tenant_name": "B", "role": "support_engineer"},
        {"tenant": "c", "tenant_name": "C", "role": "support_engineer"}]})"));
    CHECK(engineer.heading == "Join as a support engineer");
    CHECK(engineer.sentence.rfind("You were invited to answer the support tickets of A, B and C as eve@vendor.example.", 0) == 0);

    const InvitationText mixed = invitation_text(read(R"({"email": "kim@acme.example", "tenants": [
        {"tenant": "a", "tenant_name": "A", "role": "support_only"},
        {"tenant": "b", "tenant_name": "B", "role": "admin"}, {"tenant": "c", "tenant_name": "C", "role": "owner"}]})"));
    CHECK(mixed.heading == "Join the support portal");
    CHECK(mixed.sentence.rfind("You were invited to administer support for B, and to get support for A and C as kim@acme.example.",
                               0) == 0);
}
