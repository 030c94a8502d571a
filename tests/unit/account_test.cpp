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
