// How a typed two-step sign-in code is read, the same in the portal and the service.
#include "core/checks/one_time_code.hpp"

#include <doctest/doctest.h>

using namespace core;

TEST_CASE("a typed code loses spaces, tabs and dashes and is read in lower case") {
    CHECK(normalize_one_time_code(" 123 456 ") == "123456");
    CHECK(normalize_one_time_code("3F9A1-C07E2") == "3f9a1c07e2");
    CHECK(normalize_one_time_code("\t12-34\t56") == "123456");
    CHECK(normalize_one_time_code("") == "");
}

TEST_CASE("an authenticator code is six digits") {
    CHECK(is_authenticator_code("000000"));
    CHECK(is_authenticator_code("123456"));
    CHECK_FALSE(is_authenticator_code("12345"));
    CHECK_FALSE(is_authenticator_code("1234567"));
    CHECK_FALSE(is_authenticator_code("12345a"));
    CHECK_FALSE(is_authenticator_code("3f9a1c07e2"));
}
