// Subjects of e-mail as RFC 2047 wants them: whole characters per encoded
// word, no word over 75 characters, nothing that breaks the header block.
#include "core/text/mail_header.hpp"
#include "core/text/base64url.hpp"
#include "core/text/utf8_text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using core::mail_header_text;

namespace {

// The encoded words of a header value, each checked and decoded.
std::vector<std::string> decoded_words(const std::string& value) {
    std::vector<std::string> words;
    size_t start = 0;
    while (start <= value.size()) {
        size_t end = value.find("\r\n ", start);
        std::string word = value.substr(start, end == std::string::npos ? std::string::npos : end - start);
        CAPTURE(word);
        CHECK(word.size() <= 75);
        REQUIRE(word.starts_with("=?UTF-8?B?"));
        REQUIRE(word.ends_with("?="));
        std::string base64 = word.substr(10, word.size() - 12);
        // Plain base64 from padded: base64url's decoder reads it once
        // translated and unpadded.
        for (char& c : base64) c = c == '+' ? '-' : c == '/' ? '_' : c;
        while (!base64.empty() && base64.back() == '=') base64.pop_back();
        std::optional<std::string> bytes = core::base64url_decode(base64);
        REQUIRE(bytes);
        words.push_back(*bytes);
        if (end == std::string::npos) break;
        start = end + 3;
    }
    return words;
}

}  // namespace

TEST_CASE("ASCII stays readable, on one line") {
    CHECK(mail_header_text("You are invited to acme (test) on Support Portal") ==
          "You are invited to acme (test) on Support Portal");
    CHECK(mail_header_text("Acme\r\nBcc: someone@example.org") == "Acme  Bcc: someone@example.org");
}

TEST_CASE("a short name with other letters is one encoded word") {
    std::vector<std::string> words = decoded_words(mail_header_text("Eingeladen zu Müller GmbH"));
    REQUIRE(words.size() == 1);
    CHECK(words[0] == "Eingeladen zu Müller GmbH");
}

TEST_CASE("a long subject is split between characters into words of at most 75 characters") {
    for (const std::string piece : {"ü", "日本", "😀", "a日"}) {
        std::string subject;
        for (int i = 0; i < 40; i++) subject += piece;
        CAPTURE(subject);
        std::vector<std::string> words = decoded_words(mail_header_text(subject));
        CHECK(words.size() > 1);
        std::string joined;
        for (const std::string& word : words) {
            CHECK(core::decode_utf8(word).has_value());   // whole characters only
            joined += word;
        }
        CHECK(joined == subject);
    }
}

TEST_CASE("line breaks inside a non-ASCII name become spaces too") {
    std::vector<std::string> words = decoded_words(mail_header_text("Zoë\nBcc: x@example.org"));
    REQUIRE(words.size() == 1);
    CHECK(words[0] == "Zoë Bcc: x@example.org");
}
