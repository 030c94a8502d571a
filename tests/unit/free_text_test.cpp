// Free text limits counted in characters, and UTF-8 that is not.
#include "core/checks/free_text.hpp"
#include "core/text/ascii_text.hpp"
#include "core/text/utf8_text.hpp"

#include <doctest/doctest.h>

using namespace core;

TEST_CASE("a one-line text holds 500 characters, not 500 bytes") {
    std::string umlauts;
    for (int i = 0; i < 500; ++i) umlauts += "ü";   // 1000 bytes
    CHECK(line_text_problem(umlauts) == "");
    CHECK(line_text_problem(umlauts + "x") ==
          "This field takes at most 500 characters; this text has 501. Shorten it and put the details in the "
          "description.");
}

TEST_CASE("a one-line text has no line breaks") {
    CHECK(line_text_problem("first line\nsecond") ==
          "This field takes one line; remove the line breaks, or put the details in the description.");
    CHECK_FALSE(line_text_problem("ends with CR\r").empty());
    CHECK(line_text_problem("tabs\tare fine") == "");
}

TEST_CASE("a long text holds 20,000 characters and may have lines") {
    CHECK(long_text_problem("line 1\nline 2\r\nline 3") == "");
    CHECK(long_text_problem(std::string(20000, 'a')) == "");
    CHECK(long_text_problem(std::string(25301, 'a')) ==
          "This field takes at most 20,000 characters; this text has 25,301. Shorten it, and paste only the relevant "
          "lines of long logs.");
}

TEST_CASE("a reply says something, in at most 20,000 characters") {
    CHECK(written_text_problem("Thanks, that fixed it.", "Write a reply first.") == "");
    CHECK(written_text_problem(" \t\r\n ", "Write a reply first.") == "Write a reply first.");
    CHECK(written_text_problem("", "Say why.") == "Say why.");
    CHECK(written_text_problem(std::string(20001, 'a'), "Say why.").find("at most 20,000 characters") != std::string::npos);
    CHECK(written_text_problem("\xc3", "Say why.").find("not readable characters") != std::string::npos);
}

TEST_CASE("invalid UTF-8 is pointed at by the text before it") {
    CHECK(line_text_problem("Fehler bei M\xfcller") ==
          "The text contains bytes that are not readable characters after \"Fehler bei M\"; paste it again from the "
          "original, or type that part.");
    CHECK(long_text_problem("\xc3").find("at its start") != std::string::npos);
}

TEST_CASE("ASCII case and classes leave other characters alone") {
    CHECK(ascii_lowercase("HTTPS://Example.COM/Müller/ÄÖ") == "https://example.com/müller/ÄÖ");
    CHECK(is_ascii_digit('7'));
    CHECK_FALSE(is_ascii_digit('\xd9'));   // a byte of "٧" (Arabic-Indic seven) is no digit
    CHECK(is_ascii_letter('Q'));
    CHECK_FALSE(is_ascii_letter('\xc3'));
}

TEST_CASE("UTF-8 decoding rejects what is not UTF-8") {
    CHECK(decode_utf8("aü€😀") == std::u32string{U'a', U'ü', U'€', U'😀'});
    CHECK_FALSE(decode_utf8("\xc0\xaf"));           // overlong "/"
    CHECK_FALSE(decode_utf8("\xed\xa0\x80"));       // a surrogate
    CHECK_FALSE(decode_utf8("\xf4\x90\x80\x80"));   // beyond U+10FFFF
    CHECK_FALSE(decode_utf8("\x80"));
    CHECK(valid_utf8_prefix("ab\xffz") == 2);
    CHECK(encode_utf8(U'😀') == "😀");
}

TEST_CASE("characters in messages are quoted once each, spaces and controls by name") {
    CHECK(quote_characters(U"A_A ") == "\"A\", \"_\", a space");
    CHECK(quote_characters(U"\t\x01\"") == "a tab, a control character, '\"'");
    CHECK(quote_characters(U"abcdefg", 3) == "\"a\", \"b\", \"c\" and more");
}
