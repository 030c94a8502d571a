// The session and support-user answers as the portal reads them (core/model/account).
#include "core/model/account.hpp"

#include <doctest/doctest.h>

using namespace core;

// Stops tests/fuzz/api_body_fuzz.cpp (UBSan) on the old code: an id of 1e300
// was converted to a long long, which is undefined behaviour.
TEST_CASE("an id is a whole number or text; a fraction is refused, not converted") {
    const auto session = [](std::string_view id) {
        return parse_account(R"({"user": {"id": )" + std::string(id) +
                             R"(, "email": "sam@acme.example"}, "memberships": [], "csrf_token": "t"})");
    };
    CHECK(session("42").value->id == "42");
    CHECK(session(R"("u_42")").value->id == "u_42");
    CHECK(session("18446744073709551615").value->id == "18446744073709551615");
    CHECK(session("-7").value->id == "-7");
    CHECK(session("1e300").error == "user.id: expected text");
    CHECK(session("4.5").error == "user.id: expected text");

    const auto page = parse_support_user_page(
        R"({"items": [{"id": 1e300, "email": "sam@acme.example", "status": "active"}], "next_cursor": ""})");
    CHECK(page.error == "items[0].id: expected text");
}

TEST_CASE("a list element that is not an object is named by its place, and the first problem is the one told") {
    CHECK(parse_support_user_page(R"({"items": [{"id": 1, "email": "a@b.example", "status": "active"}, 7]})").error ==
          "items[1]: expected an object");
    CHECK(parse_account(R"({"user": {"id": 1, "email": "a@b.example"}, "memberships": ["acme"], "csrf_token": "t"})")
              .error == "memberships[0]: expected an object");
    CHECK(parse_audit_page(R"({"items": [{"action": "invite"}, 3]})").error == "items[0].at: missing");
    CHECK(parse_account(R"({"user": {"id": 1}, "memberships": 5})").error == "user.email: missing");
    CHECK(parse_invitation(R"({"email": "a@b.example", "tenants": [{"tenant": 4}]})").error ==
          "tenants[0].tenant: expected text");
}

TEST_CASE("roles and membership statuses read back from their words, and nothing else reads") {
    for (Role role : roles) CHECK(parse_role(to_string(role)) == role);
    for (MembershipStatus status : membership_statuses) CHECK(parse_membership_status(to_string(status)) == status);
    CHECK_FALSE(parse_role("Admin").has_value());
    CHECK_FALSE(parse_role("operator").has_value());
    CHECK_FALSE(parse_membership_status("").has_value());
    CHECK(role_text(Role::SupportEngineer) == "a support engineer");
    CHECK(status_word(MembershipStatus::Revoked) == "Revoked");
}

TEST_CASE("a membership's role is typed; a role the portal does not know grants nothing") {
    const Parsed<Account> account = parse_account(R"({"user": {"id": 1, "email": "a@acme.example"}, "memberships": [
        {"tenant": "acme-prod", "role": "admin"}, {"tenant": "globex-dev", "role": "owner"}, {"tenant": "hooli"}],
        "csrf_token": "t"})");
    REQUIRE(account);
    CHECK(account->memberships[0].role == Role::Admin);
    CHECK_FALSE(account->memberships[1].role.has_value());
    CHECK_FALSE(account->memberships[2].role.has_value());
    CHECK(account->is_admin_of("acme-prod"));
    CHECK_FALSE(account->is_admin_of("globex-dev"));
    CHECK_FALSE(account->is_admin_of("hooli"));
}

TEST_CASE("a support user's status, and each tenant's, must be one the portal knows") {
    const auto details = parse_support_user_details(R"({"id": 7, "email": "sam@acme.example", "status": "revoked",
        "tenants": [{"tenant": "acme-prod", "tenant_name": "Acme", "status": "revoked"},
                    {"tenant": "globex-dev", "status": "active"}], "open_tickets": 2})");
    REQUIRE(details);
    CHECK(details->user.status == MembershipStatus::Revoked);
    REQUIRE(details->tenants.size() == 2);
    CHECK(details->tenants[0].status == MembershipStatus::Revoked);
    CHECK(details->tenants[1].tenant == "globex-dev");
    CHECK(details->tenants[1].status == MembershipStatus::Active);

    CHECK(parse_support_user_page(R"({"items": [{"id": 1, "email": "a@b.example", "status": "paused"}]})").error ==
          "items[0].status: unknown status \"paused\"");
    CHECK(parse_support_user_details(R"({"id": 1, "email": "a@b.example", "status": "active",
        "tenants": [{"tenant": "acme-prod"}]})").error == "tenants[0].status: missing");
}

TEST_CASE("an audit entry without an actor is the vendor's operator's, and one with an actor names them") {
    const auto page = parse_audit_page(
        R"({"items": [{"at": "2026-12-06T10:00:00Z", "actor": null, "action": "invite", "target": {"email": "dana@globex.example"}, "address": "command line"},)"
        R"( {"at": "2026-12-06T11:00:00Z", "actor": {"email": "dana@globex.example", "name": "Dana"}, "action": "accept", "target": {"email": "dana@globex.example"}, "address": "127.0.0.1"}],)"
        R"( "next_cursor": null})");
    REQUIRE(page);
    REQUIRE(page->items.size() == 2);
    CHECK(page->items[0].actor == "The vendor's operator");
    CHECK(page->items[1].actor == "dana@globex.example");
}
