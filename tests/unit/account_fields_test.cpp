// The name and password an invitee chooses.
#include "core/account_fields.hpp"

#include <doctest/doctest.h>

using namespace core;

TEST_CASE("characters are counted as people count them") {
    CHECK(character_count("") == 0);
    CHECK(character_count("abc") == 3);
    CHECK(character_count("Jürgen") == 6);
    CHECK(character_count("日本語") == 3);
    CHECK(character_count("🙂🙂") == 2);
}

TEST_CASE("a password has at least 12 characters") {
    CHECK(password_problem("correct horse") == "");
    CHECK(password_problem("123456789012") == "");
    CHECK(password_problem("ünïcödé-pass") == "");   // 12 characters in more than 12 bytes
    std::string eleven = password_problem("12345678901");
    CHECK(eleven.find("at least 12 characters; this password has 11") != std::string::npos);
    CHECK(password_problem("").find("has 0") != std::string::npos);
    CHECK(password_problem("ünïcödé-pas").find("has 11") != std::string::npos);
    CHECK(password_problem(std::string(200, 'x')) == "");
    CHECK(password_problem(std::string(201, 'x')).find("at most 200") != std::string::npos);
    CHECK(password_problem("twelve chars\nmore").find("line breaks") != std::string::npos);
}

TEST_CASE("a name has 1 to 100 characters on one line") {
    CHECK(normalize_name("  Sam Taylor \n") == "Sam Taylor");
    CHECK(name_problem("Sam Taylor") == "");
    CHECK(name_problem("S") == "");
    CHECK(name_problem("").find("Enter your name") != std::string::npos);
    CHECK(name_problem(std::string(100, 'n')) == "");
    CHECK(name_problem(std::string(101, 'n')).find("at most 100 characters; this one has 101") != std::string::npos);
    CHECK(name_problem("Sam\tTaylor").find("line breaks") != std::string::npos);
}
