// core/har/saml_inspection on the public python3-saml fixtures (HTTP-POST
// SAMLResponses) and on messages of our own in the redirect binding.
#include "core/har/raw_deflate.hpp"
#include "core/har/saml_inspection.hpp"
#include "core/checks/timestamp_text.hpp"
#include "core/text/base64url.hpp"
#include "core/text/url_text.hpp"
#include "har_planted.hpp"

#include "test_files.hpp"

#include <doctest/doctest.h>


using core::JwtFindingLevel;

namespace {

core::Instant at(std::string_view text) { return *core::read_timestamp(text, nullptr).instant; }

core::SamlInspection inspect(const std::string& name, std::string_view time) {
    return core::inspect_saml(test_files::read_fixture("tokens/" + name), {at(time), nullptr});
}

std::string line(const core::SamlInspection& s, std::string_view name) {
    for (const auto& l : s.lines)
        if (l.name == name) return l.value;
    return "(none)";
}

bool has_finding(const core::SamlInspection& s, JwtFindingLevel level, std::string_view words) {
    for (const auto& f : s.findings)
        if (f.level == level && f.message.find(words) != std::string::npos) return true;
    return false;
}

std::string all_findings(const core::SamlInspection& s) {
    std::string out;
    for (const auto& f : s.findings) out += f.message + "\n";
    return out;
}

}  // namespace

TEST_CASE("a signed response: what it says, who signed what, SHA-1 flagged") {
    const auto s = inspect("python3-saml_signed_message_response.xml.base64", "2014-03-21T13:41:10Z");
    REQUIRE_MESSAGE(s.decoded, s.error);
    INFO(all_findings(s));
    CHECK(s.encoding == "HTTP-POST (base64)");
    CHECK(s.kind == "Response");
    CHECK(line(s, "Issuer") == "https://pitbulk.no-ip.org/simplesaml/saml2/idp/metadata.php");
    CHECK(line(s, "Status") == "Success");
    CHECK(line(s, "NameID Format") == "transient");
    CHECK(line(s, "Audience") == "https://pitbulk.no-ip.org/newonelogin/demo1/metadata.php");
    CHECK(line(s, "Destination").starts_with("https://pitbulk.no-ip.org/newonelogin/demo1/index.php"));
    CHECK(s.signed_parts == "the Response");
    CHECK(line(s, "Signed") == "the Response (rsa-sha1)");
    CHECK(has_finding(s, JwtFindingLevel::Warning, "SHA-1"));
    CHECK(has_finding(s, JwtFindingLevel::Note, "Only the Response is signed"));
    CHECK_FALSE(has_finding(s, JwtFindingLevel::Problem, ""));
}

TEST_CASE("a double-signed response shows both signatures") {
    const auto s = inspect("python3-saml_double_signed_response2.xml.base64", "2014-09-23T12:46:40Z");
    REQUIRE(s.decoded);
    INFO(all_findings(s));
    CHECK(s.signed_parts == "the Response and the Assertion");
    CHECK_FALSE(has_finding(s, JwtFindingLevel::Problem, ""));
    CHECK(has_finding(s, JwtFindingLevel::Warning, "SHA-1"));
}

TEST_CASE("an expired, unsigned response shows its window and says it expired") {
    const auto s = inspect("python3-saml_expired_response.xml.base64", "2026-12-07T10:00:00Z");
    REQUIRE(s.decoded);
    INFO(all_findings(s));
    CHECK(line(s, "The assertion NotBefore") == "Wed 19 Feb 2014, 01:05 UTC (12 years ago)");
    CHECK(line(s, "The assertion NotOnOrAfter") == "Wed 19 Feb 2014, 01:10 UTC (12 years ago)");
    CHECK(has_finding(s, JwtFindingLevel::Problem, "The assertion expired 12 years"));
    CHECK(has_finding(s, JwtFindingLevel::Problem, "Neither the Response nor its assertion is signed"));
    CHECK(s.signed_parts == "nothing");
    // Pasted today, it is said from now.
    const auto pasted = core::inspect_saml(test_files::read_fixture("tokens/python3-saml_expired_response.xml.base64"),
                                           {at("2026-12-07T10:00:00Z"), nullptr, true});
    CHECK(has_finding(pasted, JwtFindingLevel::Problem, "The assertion expired 12 years ago (NotOnOrAfter Wed 19 Feb 2014, 01:10 UTC)."));
    CHECK_FALSE(has_finding(pasted, JwtFindingLevel::Warning, "was issued"));
    // Sent within its window, the same message has no time problem.
    const auto in_time = inspect("python3-saml_expired_response.xml.base64", "2014-02-19T01:06:00Z");
    CHECK_FALSE(has_finding(in_time, JwtFindingLevel::Problem, "expired"));
    // Past the window but inside a minute's skew: no problem either.
    const auto skewed = inspect("python3-saml_expired_response.xml.base64", "2014-02-19T01:11:30Z");
    CHECK_FALSE(has_finding(skewed, JwtFindingLevel::Problem, "The assertion expired"));
}

TEST_CASE("signature wrapping: the signature signs an assertion hidden elsewhere, not its own") {
    const auto s = inspect("python3-saml_invalids_signature_wrapping_attack2.xml.base64", "2019-12-20T12:15:20Z");
    REQUIRE(s.decoded);
    INFO(all_findings(s));
    CHECK(has_finding(s, JwtFindingLevel::Problem, "\"id-SPOOFED_ASSERTION\" signs another element, \"id-Aa9IWfDxJVIX6GQye\""));
    CHECK(has_finding(s, JwtFindingLevel::Problem, "signature wrapping"));
    CHECK(has_finding(s, JwtFindingLevel::Warning, "2 assertions"));
    CHECK(s.signed_parts == "nothing");
    CHECK(line(s, "NameID") == "ANOTHER_ID");   // what a naive service provider would read
}

TEST_CASE("the redirect binding: URL-encoded base64 of raw DEFLATE; a Reference to no element; a DOCTYPE") {
    const std::string xml = har_planted::saml_xml("c2ln");
    const std::string redirect = core::url_escape(core::base64_encode(core::deflate_raw(xml)));
    const auto s = core::inspect_saml(redirect, {at("2026-12-07T10:00:30Z"), nullptr});
    REQUIRE_MESSAGE(s.decoded, s.error);
    CHECK(s.encoding == "HTTP-Redirect (deflated)");
    CHECK(s.kind == "AuthnRequest");
    CHECK(line(s, "Issuer") == "https://app.example.com/saml");
    CHECK(s.signed_parts == "the AuthnRequest");

    std::string dangling = xml;
    dangling.replace(dangling.find("URI=\"#_req1\""), 12, "URI=\"#_nope\"");
    const auto d = core::inspect_saml(dangling, {at("2026-12-07T10:00:30Z"), nullptr});
    CHECK(has_finding(d, JwtFindingLevel::Problem, "points at \"#_nope\", and no element has that ID"));

    const auto doctype = core::inspect_saml("<!DOCTYPE x [<!ENTITY a \"b\">]>" + xml, {at("2026-12-07T10:00:30Z"), nullptr});
    REQUIRE(doctype.decoded);
    CHECK(has_finding(doctype, JwtFindingLevel::Problem, "DOCTYPE"));

    const auto late = core::inspect_saml(redirect, {at("2026-12-07T11:00:00Z"), nullptr});
    CHECK(has_finding(late, JwtFindingLevel::Warning, "issued 60 minutes before it was sent"));
}

TEST_CASE("what cannot be read says so") {
    CHECK(core::inspect_saml("", {}).error == "Paste a SAML message: the SAMLRequest or SAMLResponse value, or its XML.");
    CHECK(core::inspect_saml("not base64!", {}).error == "This is neither XML nor base64 text: copy the whole SAMLRequest or SAMLResponse value.");
    const std::string cut = test_files::read_fixture("tokens/python3-saml_expired_response.xml.base64").substr(0, 400);
    const auto s = core::inspect_saml(cut, {});
    CHECK_FALSE(s.decoded);
    CHECK(s.error.starts_with("The XML cannot be read at byte"));
    CHECK(core::inspect_saml("AAAA", {}).error == "The base64 text decodes to neither XML nor a DEFLATE-compressed message: it may be cut off.");
}
