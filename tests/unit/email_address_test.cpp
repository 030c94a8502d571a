// E-mail addresses: what the invitation form accepts, and messages that say
// how to fix what it does not.
#include "core/checks/email_address.hpp"

#include <doctest/doctest.h>

using namespace core;

TEST_CASE("addresses are compared in one spelling") {
    CHECK(normalize_email_address("  Sam.Taylor@Example.COM \t") == "sam.taylor@example.com");
    CHECK(normalize_email_address("") == "");
    CHECK(normalize_email_address("ÄRGER@example.com") == "Ärger@example.com");   // only ASCII letters change
}

TEST_CASE("everyday addresses are accepted") {
    for (std::string_view address : {"sam@example.com", "sam.taylor+support@mail.example.co.uk", "o'brien@example.ie",
                                     "first_last-1@sub-domain.example.org", "x@a.io", "user@example.xn--p1ai",
                                     "jurgen@xn--mller-kva.example.de", "a!#$%&*/=?^`{|}~b@example.com"}) {
        CAPTURE(address);
        CHECK(email_address_problem(address) == "");
    }
}

TEST_CASE("each mistake gets a message that says what to change") {
    struct Case {
        std::string_view address;
        std::string_view message_part;
    };
    const Case cases[] = {
        {"", "Enter an e-mail address"},
        {"sam example.com", "Remove the spaces"},
        {"sam.example.com", "needs an @"},
        {"sam@@example.com", "exactly one @"},
        {"sam@team@example.com", "exactly one @"},
        {"@example.com", "Put the name before the @"},
        {"sam@", "Put the domain after the @"},
        {"sam@localhost", "needs a dot and an ending"},
        {"sam@example.", "empty part"},
        {"sam@example..com", "empty part"},
        {"sam@.example.com", "empty part"},
        {"sam@-example.com", "hyphen"},
        {"sam@example-.com", "hyphen"},
        {"sam@example.c", "must end in a name like .com"},
        {"sam@10.0.0.1", "must end in a name like .com"},
        {".sam@example.com", "cannot start or end with a dot"},
        {"sam.@example.com", "cannot start or end with a dot"},
        {"sam..taylor@example.com", "two dots in a row"},
        {"sam(work)@example.com", "\"(\" cannot be part of an e-mail address"},
        {"\"sam\"@example.com", "'\"' cannot be part"},
        {"sam@exa_mple.com", "\"_\" cannot be part of the domain"},
        {"sam\x01@example.com", "A control character"},
        // Mail goes out without SMTPUTF8: other letters are refused, saying how.
        {"jürgen@example.de", "plain letters (a-z)"},
        {"jurgen@müller.example.de", "xn--"},
        {"sam@exam\xE2\x80\xA8ple.com", "xn--"},   // U+2028 in the domain
        {"sam\xC2\x85@example.com", "plain letters (a-z)"},   // U+0085, a C1 line break
        {"sam\xFF@example.com", "plain letters (a-z)"},        // not UTF-8 at all
    };
    for (const Case& c : cases) {
        CAPTURE(c.address);
        std::string problem = email_address_problem(c.address);
        CHECK(problem.find(c.message_part) != std::string::npos);
        CHECK(problem.back() == '.');   // a sentence, shown under the field as it is
    }
}

TEST_CASE("length limits of the name and the whole address") {
    std::string local(64, 'a');
    CHECK(email_address_problem(local + "@example.com") == "");
    CHECK(email_address_problem(local + "a@example.com").find("at most 64") != std::string::npos);

    std::string label(63, 'b');
    CHECK(email_address_problem("sam@" + label + ".com") == "");
    CHECK(email_address_problem("sam@" + label + "b.com").find("at most 63") != std::string::npos);

    std::string domain = label + "." + label + "." + label + "." + std::string(54, 'c') + ".com";
    std::string longest = "sam@" + domain;
    REQUIRE(longest.size() == 254);
    CHECK(email_address_problem(longest) == "");
    CHECK(email_address_problem("sams@" + domain).find("at most 254 characters; this one has 255") != std::string::npos);
}
