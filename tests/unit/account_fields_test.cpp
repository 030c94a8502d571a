// The name and password an invitee chooses.
#include "core/checks/account_fields.hpp"

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

TEST_CASE("a name holds nothing invisible that changes how text around it is shown") {
    for (std::string_view name : {"Zoë Ångström", "Nguyễn Văn An", "محمد", "李小龙", "O'Brien-Smith",
                                  "\xD9\x85\xE2\x80\x8C\xD9\x8A",   // a Persian name with a zero-width non-joiner
                                  "Sam \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB"}) {   // an emoji sequence with a joiner
        CAPTURE(name);
        CHECK(name_problem(name) == "");
    }
    struct Case {
        std::string_view name;
        std::string_view message_part;
    };
    const Case cases[] = {
        {"Sam\xE2\x80\xA8Taylor", "line breaks"},              // U+2028 line separator
        {"Sam\xE2\x80\xA9Taylor", "line breaks"},              // U+2029 paragraph separator
        {"Sam\rTaylor", "line breaks"},
        {"Sam\xC2\x85Taylor", "U+0085"},                        // C1 next line
        {"Sam\x7F", "U+007F"},
        {"\xE2\x80\xAEromaNa", "U+202E"},                      // right-to-left override
        {"Sam\xE2\x80\xAA", "U+202A"},                         // left-to-right embedding
        {"\xE2\x81\xA7Sam\xE2\x81\xA9", "U+2067"},          // right-to-left isolate
        {"Sam\xE2\x80\x8F", "U+200F"},                         // right-to-left mark
        {"Sa\xE2\x80\x8Bm", "U+200B"},                         // zero-width space
        {"\xEF\xBB\xBFSam", "U+FEFF"},                         // byte order mark
        {"Sam\xC2\xAD", "U+00AD"},                              // soft hyphen
        {"Sam\xF3\xA0\x80\x81", "U+E0001"},                   // language tag
        {"Sam\xFFTaylor", "not text"},
        {"Sam\xED\xA0\x80", "not text"},                       // a surrogate
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        CHECK(name_problem(c.name).find(c.message_part) != std::string::npos);
    }
}
