// URL hashes <-> screens: deep links and Back depend on this round trip.
#include "core/model/location.hpp"
#include "core/program/program.hpp"

#include <doctest/doctest.h>

using namespace core;

namespace {
const Program& program() { return default_program(); }
}  // namespace

TEST_CASE("an empty hash, '#' and '#/' are the home screen") {
    for (std::string_view hash : {"", "#", "#/", "/"}) {
        CAPTURE(hash);
        CHECK(parse_location(hash, program()) == Screen{HomeScreen{}});
    }
}

TEST_CASE("#/route/<id> opens a route the program has") {
    CHECK(parse_location("#/route/onboarding", program()) == Screen{RouteScreen{"onboarding"}});
    CHECK(parse_location("#/route/security", program()) == Screen{RouteScreen{"security"}});
    CHECK(parse_location("/route/production", program()) == Screen{RouteScreen{"production"}});
}

TEST_CASE("unknown routes and paths are 'not found' and keep the hash the user typed") {
    CHECK(parse_location("#/route/billing", program()) == Screen{NotFoundScreen{"#/route/billing"}});
    CHECK(parse_location("#/route/", program()) == Screen{NotFoundScreen{"#/route/"}});
    CHECK(parse_location("#/route/Onboarding", program()) == Screen{NotFoundScreen{"#/route/Onboarding"}});
    CHECK(parse_location("#/route/onboarding/extra", program()) ==
          Screen{NotFoundScreen{"#/route/onboarding/extra"}});
    CHECK(parse_location("#/nowhere", program()) == Screen{NotFoundScreen{"#/nowhere"}});
}

TEST_CASE("location_of writes the hash for each screen") {
    CHECK(location_of(HomeScreen{}) == "#/");
    CHECK(location_of(RouteScreen{"advanced"}) == "#/route/advanced");
    CHECK(location_of(DraftsScreen{}) == "#/drafts");
    CHECK(location_of(HarScreen{}) == "#/har");
    CHECK(parse_location("#/har", default_program()) == Screen{HarScreen{}});
    CHECK(!needs_session(HarScreen{}));   // anyone, signed in or not
    CHECK(location_of(NotFoundScreen{"#/nowhere"}) == "#/nowhere");
    CHECK(location_of(NotFoundScreen{"/nowhere"}) == "#/nowhere");
}

TEST_CASE("#/drafts is the Drafts screen and round trips") {
    CHECK(parse_location("#/drafts", program()) == Screen{DraftsScreen{}});
    CHECK(location_of(parse_location("#/drafts", program())) == "#/drafts");
    CHECK(parse_location("#/drafts/x", program()) == Screen{NotFoundScreen{"#/drafts/x"}});
}

TEST_CASE("every route's hash round trips") {
    for (const Route& route : program().routes) {
        CAPTURE(route.id);
        std::string hash = location_of(RouteScreen{route.id});
        CHECK(hash == "#/route/" + route.id);
        CHECK(location_of(parse_location(hash, program())) == hash);
    }
    for (std::string_view hash : {"#/", "#/nowhere", "#/route/billing"}) {
        CAPTURE(hash);
        CHECK(location_of(parse_location(hash, program())) == hash);
    }
}

TEST_CASE("the password reset pages round trip, and a reset link needs its token") {
    CHECK(parse_location("#/forgot-password", program()) == Screen{ForgotPasswordScreen{}});
    CHECK(parse_location("#/reset-password/abc_DEF-123", program()) == Screen{PasswordResetScreen{"abc_DEF-123"}});
    CHECK(parse_location("#/reset-password/", program()) == Screen{NotFoundScreen{"#/reset-password/"}});
    for (std::string_view hash : {"#/forgot-password", "#/reset-password/abc_DEF-123"})
        CHECK(location_of(parse_location(hash, program())) == hash);
    CHECK_FALSE(needs_session(ForgotPasswordScreen{}));
    CHECK_FALSE(needs_session(PasswordResetScreen{"t"}));
}

TEST_CASE("the account page round trips and needs a session") {
    CHECK(parse_location("#/account", program()) == Screen{AccountScreen{}});
    CHECK(location_of(AccountScreen{}) == "#/account");
    CHECK(needs_session(AccountScreen{}));
}
