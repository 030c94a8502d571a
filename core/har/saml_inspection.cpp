#include "core/har/saml_inspection.hpp"

#include "core/checks/timestamp_text.hpp"
#include "core/har/raw_deflate.hpp"
#include "core/text/ascii_text.hpp"
#include "core/text/base64url.hpp"
#include "core/text/duration_text.hpp"
#include "core/text/time_text.hpp"
#include "core/text/url_text.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <map>

namespace core {

namespace {

constexpr std::chrono::seconds tolerated_skew{60};
constexpr size_t largest_inflated_message = 4 * 1024 * 1024;

std::string_view local_name(const pugi::xml_node& node) {
    const std::string_view name(node.name());
    const size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool is(const pugi::xml_node& node, std::string_view local) { return node.type() == pugi::node_element && local_name(node) == local; }

pugi::xml_node child(const pugi::xml_node& node, std::string_view local) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (is(c, local)) return c;
    return {};
}

// The first element named `local` anywhere below `node`, in document order.
pugi::xml_node descendant(const pugi::xml_node& node, std::string_view local) {
    return node.find_node([&](const pugi::xml_node& n) { return is(n, local); });
}

std::vector<pugi::xml_node> descendants(const pugi::xml_node& node, std::string_view local) {
    std::vector<pugi::xml_node> out;
    struct Walker : pugi::xml_tree_walker {
        std::string_view local;
        std::vector<pugi::xml_node>* out;
        bool for_each(pugi::xml_node& n) override {
            if (is(n, local)) out->push_back(n);
            return true;
        }
    } walker;
    walker.local = local;
    walker.out = &out;
    const_cast<pugi::xml_node&>(node).traverse(walker);
    return out;
}

std::string text_of(const pugi::xml_node& node) { return std::string(trim_spaces(node.child_value())); }

// "urn:oasis:names:tc:SAML:2.0:status:Success" -> "Success"
std::string last_part(std::string_view uri) {
    const size_t at = uri.find_last_of(":#/");
    return std::string(at == std::string_view::npos ? uri : uri.substr(at + 1));
}

std::string with_article(std::string_view noun) {
    const bool vowel = !noun.empty() && std::string_view("AEIOUaeiou").find(noun.front()) != std::string_view::npos;
    return (vowel ? "an " : "a ") + std::string(noun);
}

std::string relative_text(Instant t, Instant at) { return t > at ? "in " + duration_text(t - at) : duration_text(at - t) + " ago"; }

class Inspector {
public:
    Inspector(SamlInspection& out, const SamlExpectations& e) : out_(out), e_(e) {}

    void line(std::string name, std::string value) {
        if (!value.empty()) out_.lines.push_back({std::move(name), std::move(value)});
    }
    void finding(JwtFindingLevel level, std::string message) { out_.findings.push_back({level, std::move(message)}); }

    // A time attribute as a line, read as an instant against the message's time.
    std::optional<Instant> time_line(std::string name, const pugi::xml_node& node, const char* attribute) {
        const std::string text = node.attribute(attribute).value();
        if (text.empty()) return std::nullopt;
        const TimestampReading reading = read_timestamp(text, nullptr);
        if (!reading.instant) {
            line(std::move(name), text + " (not a time)");
            finding(JwtFindingLevel::Problem, std::string(attribute) + " \"" + text + "\" is not an xs:dateTime.");
            return std::nullopt;
        }
        line(std::move(name), format_full(*reading.instant, e_.zone) + " (" + relative_text(*reading.instant, e_.message_time) + ")");
        return reading.instant;
    }

    void window(const pugi::xml_node& node, const std::string& what) {
        const auto not_before = time_line(what + " NotBefore", node, "NotBefore");
        const auto not_after = time_line(what + " NotOnOrAfter", node, "NotOnOrAfter");
        if (not_after && *not_after + tolerated_skew <= e_.message_time)
            finding(JwtFindingLevel::Problem, what + " expired " + duration_text(e_.message_time - *not_after) +
                                                  (e_.sent_now ? " ago" : " before the message was sent") + " (NotOnOrAfter " +
                                                  format_full(*not_after, e_.zone) + ").");
        if (not_before && *not_before > e_.message_time + tolerated_skew)
            finding(JwtFindingLevel::Problem, what + " is not valid until " + duration_text(*not_before - e_.message_time) +
                                                  (e_.sent_now ? " from now" : " after the message was sent: the identity provider's clock is ahead") +
                                                  " (NotBefore " + format_full(*not_before, e_.zone) + ").");
    }

    void inspect(const pugi::xml_document& document) {
        for (pugi::xml_node n = document.first_child(); n; n = n.next_sibling())
            if (n.type() == pugi::node_doctype)
                finding(JwtFindingLevel::Problem, "The message has a DOCTYPE: SAML forbids DTDs, which XML entity attacks use.");
        const pugi::xml_node root = document.document_element();
        out_.kind = std::string(local_name(root));
        line("Message", out_.kind);
        line("ID", root.attribute("ID").value());
        line("Issuer", text_of(child(root, "Issuer")));
        line("Destination", root.attribute("Destination").value());
        line("InResponseTo", root.attribute("InResponseTo").value());
        if (const auto issued = time_line("IssueInstant", root, "IssueInstant"); issued && !e_.sent_now) {
            const auto gap = *issued > e_.message_time ? *issued - e_.message_time : e_.message_time - *issued;
            if (gap > std::chrono::minutes(5))
                finding(JwtFindingLevel::Warning, "The message was issued " + duration_text(gap) + (*issued < e_.message_time ? " before" : " after") +
                                                      " it was sent: a clock is off, or the message was replayed.");
        }
        line("AssertionConsumerServiceURL", root.attribute("AssertionConsumerServiceURL").value());
        if (const pugi::xml_node policy = child(root, "NameIDPolicy")) line("NameIDPolicy Format", policy.attribute("Format").value());

        // Status: top-level code, a nested second-level code, a message.
        if (const pugi::xml_node status = child(root, "Status")) {
            const pugi::xml_node code = child(status, "StatusCode");
            std::string shown = last_part(code.attribute("Value").value());
            if (const pugi::xml_node inner = child(code, "StatusCode")) shown += " / " + last_part(inner.attribute("Value").value());
            const std::string message = text_of(child(status, "StatusMessage"));
            line("Status", message.empty() ? shown : shown + ": " + message);
            if (last_part(code.attribute("Value").value()) != "Success")
                finding(JwtFindingLevel::Problem, "The identity provider did not sign the user in: " + line_value("Status") + ".");
        }

        const std::vector<pugi::xml_node> assertions = descendants(root, "Assertion");
        const std::vector<pugi::xml_node> encrypted = descendants(root, "EncryptedAssertion");
        if (!encrypted.empty())
            finding(JwtFindingLevel::Note, "The assertion is encrypted: its subject, audience and conditions cannot be read here.");
        if (assertions.size() > 1)
            finding(JwtFindingLevel::Warning, "The message holds " + std::to_string(assertions.size()) +
                                                  " assertions: a service provider reads one, and an attacker chooses which.");
        if (!assertions.empty()) {
            const pugi::xml_node a = assertions.front();
            if (const pugi::xml_node name_id = descendant(a, "NameID")) {
                line("NameID", text_of(name_id));
                line("NameID Format", last_part(name_id.attribute("Format").value()));
            }
            std::string audiences;
            for (const pugi::xml_node& audience : descendants(a, "Audience"))
                audiences += (audiences.empty() ? "" : ", ") + text_of(audience);
            line("Audience", audiences);
            if (const pugi::xml_node conditions = descendant(a, "Conditions")) window(conditions, "The assertion");
            if (const pugi::xml_node confirmation = descendant(a, "SubjectConfirmationData")) {
                line("Recipient", confirmation.attribute("Recipient").value());
                window(confirmation, "The subject confirmation");
            }
            if (const pugi::xml_node authn = descendant(a, "AuthnStatement")) time_line("SessionNotOnOrAfter", authn, "SessionNotOnOrAfter");
            line("AuthnContextClassRef", text_of(descendant(a, "AuthnContextClassRef")));
            for (const pugi::xml_node& attribute : descendants(a, "Attribute")) {
                std::string values;
                for (const pugi::xml_node& value : descendants(attribute, "AttributeValue")) values += (values.empty() ? "" : ", ") + text_of(value);
                const std::string name = attribute.attribute("FriendlyName").value()[0] ? attribute.attribute("FriendlyName").value()
                                                                                         : attribute.attribute("Name").value();
                line("Attribute " + name, values);
            }
        }
        signatures(root);
    }

    std::string line_value(std::string_view name) const {
        for (const auto& l : out_.lines)
            if (l.name == name) return l.value;
        return {};
    }

    void signatures(const pugi::xml_node& root) {
        // Every element's ID, once; a second element with the same ID is how
        // wrapping hides the signed one.
        std::map<std::string, pugi::xml_node> ids;
        struct Walker : pugi::xml_tree_walker {
            std::map<std::string, pugi::xml_node>* ids;
            std::vector<std::string>* duplicates;
            bool for_each(pugi::xml_node& n) override {
                if (n.type() != pugi::node_element) return true;
                const char* id = n.attribute("ID").value();
                if (!id[0]) return true;
                if (!ids->emplace(id, n).second) duplicates->push_back(id);
                return true;
            }
        } walker;
        std::vector<std::string> duplicates;
        walker.ids = &ids;
        walker.duplicates = &duplicates;
        if (root.attribute("ID").value()[0]) ids.emplace(root.attribute("ID").value(), root);   // traverse visits only what is below
        const_cast<pugi::xml_node&>(root).traverse(walker);
        for (const std::string& id : duplicates)
            finding(JwtFindingLevel::Problem, "Two elements have the ID \"" + id + "\": signature wrapping puts a forged element beside the signed one.");

        bool response_signed = false, assertion_signed = false;
        std::vector<std::string> methods;
        bool sha1 = false;
        for (const pugi::xml_node& signature : descendants(root, "Signature")) {
            const pugi::xml_node signed_info = child(signature, "SignedInfo");
            const pugi::xml_node parent = signature.parent();
            const std::string parent_name(local_name(parent));
            const std::string parent_id = parent.attribute("ID").value();
            const std::string method = child(signed_info, "SignatureMethod").attribute("Algorithm").value();
            if (!method.empty() && std::find(methods.begin(), methods.end(), last_part(method)) == methods.end()) methods.push_back(last_part(method));
            if (method.ends_with("sha1")) sha1 = true;
            std::vector<pugi::xml_node> references;
            for (pugi::xml_node r = signed_info.first_child(); r; r = r.next_sibling())
                if (is(r, "Reference")) references.push_back(r);
            if (references.size() != 1)
                finding(JwtFindingLevel::Warning, "A signature in the " + parent_name + " has " + std::to_string(references.size()) +
                                                      " references; SAML signs exactly one element.");
            for (const pugi::xml_node& reference : references) {
                if (std::string_view(child(reference, "DigestMethod").attribute("Algorithm").value()).ends_with("sha1")) sha1 = true;
                const std::string uri = reference.attribute("URI").value();
                if (uri.empty()) {
                    finding(JwtFindingLevel::Warning, "A signature in the " + parent_name + " signs the whole document (URI=\"\"), not one element.");
                    continue;
                }
                const std::string target_id = uri.starts_with('#') ? uri.substr(1) : uri;
                const auto target = ids.find(target_id);
                if (target == ids.end()) {
                    finding(JwtFindingLevel::Problem, "The signature in the " + parent_name + " points at \"" + uri +
                                                          "\", and no element has that ID: signature wrapping, or a broken message.");
                    continue;
                }
                if (target->second != parent) {
                    finding(JwtFindingLevel::Problem,
                            "The signature in the " + parent_name + (parent_id.empty() ? "" : " \"" + parent_id + "\"") + " signs another element, \"" +
                                target_id + "\" (" + with_article(local_name(target->second)) + " inside " +
                                std::string(local_name(target->second.parent())) +
                                "): signature wrapping. A service provider that reads the signature's own element reads unsigned content.");
                    continue;
                }
                if (is(parent, "Response")) response_signed = true;
                if (is(parent, "Assertion")) {
                    assertion_signed = true;
                    if (!is(parent.parent(), "Response") && is(root, "Response"))
                        finding(JwtFindingLevel::Problem, "The signed assertion \"" + parent_id + "\" sits inside " +
                                                              std::string(local_name(parent.parent())) +
                                                              ", not directly in the Response: signature wrapping.");
                }
                if (!is(parent, "Response") && !is(parent, "Assertion")) response_signed = response_signed || parent == root;
            }
        }
        const bool assertion_present = !descendants(root, "Assertion").empty();
        if (response_signed && assertion_signed) out_.signed_parts = "the " + out_.kind + " and the Assertion";
        else if (response_signed) out_.signed_parts = "the " + out_.kind;
        else if (assertion_signed) out_.signed_parts = "the Assertion";
        else out_.signed_parts = "nothing";
        line("Signed", out_.signed_parts + (methods.empty() ? "" : " (" + [&] {
            std::string joined;
            for (const auto& m : methods) joined += (joined.empty() ? "" : ", ") + m;
            return joined;
        }() + ")"));
        if (is(root, "Response") && !response_signed && !assertion_signed && assertion_present)
            finding(JwtFindingLevel::Problem, "Neither the Response nor its assertion is signed: no service provider should accept it.");
        else if (is(root, "Response") && response_signed && !assertion_signed && assertion_present)
            finding(JwtFindingLevel::Note, "Only the Response is signed; service providers that require a signed assertion refuse it.");
        if (sha1)
            finding(JwtFindingLevel::Warning, "The message is signed with SHA-1, which is broken for signatures; "
                                              "service providers that refuse it fail the sign-in. Use RSA-SHA256.");
    }

private:
    SamlInspection& out_;
    const SamlExpectations& e_;
};

}  // namespace

SamlInspection inspect_saml(std::string_view message, const SamlExpectations& expectations) {
    SamlInspection out;
    std::string text(trim_spaces(message));
    if (text.empty()) {
        out.error = "Paste a SAML message: the SAMLRequest or SAMLResponse value, or its XML.";
        return out;
    }
    if (text.front() == '<') {
        out.encoding = "XML";
        out.xml = text;
    } else {
        if (text.find('%') != std::string::npos) text = url_unescape(text, false);
        for (char& c : text)
            if (c == ' ') c = '+';   // a "+" read as a space on its way through a form
        const auto bytes = base64_decode(text);
        if (!bytes) {
            out.error = "This is neither XML nor base64 text: copy the whole SAMLRequest or SAMLResponse value.";
            return out;
        }
        if (trim_spaces(*bytes).starts_with('<')) {
            out.encoding = "HTTP-POST (base64)";
            out.xml = *bytes;
        } else if (auto inflated = inflate_raw(*bytes, largest_inflated_message)) {
            out.encoding = "HTTP-Redirect (deflated)";
            out.xml = std::move(*inflated);
        } else {
            out.error = "The base64 text decodes to neither XML nor a DEFLATE-compressed message: it may be cut off.";
            return out;
        }
    }
    pugi::xml_document document;
    const pugi::xml_parse_result parsed = document.load_buffer(out.xml.data(), out.xml.size(), pugi::parse_default | pugi::parse_doctype,
                                                               pugi::encoding_utf8);
    if (!parsed) {
        out.error = std::string("The XML cannot be read at byte ") + std::to_string(parsed.offset) + ": " + parsed.description() + ".";
        return out;
    }
    out.decoded = true;
    Inspector(out, expectations).inspect(document);
    std::stable_sort(out.findings.begin(), out.findings.end(),
                     [](const JwtFinding& a, const JwtFinding& b) { return static_cast<int>(a.level) < static_cast<int>(b.level); });
    return out;
}

}  // namespace core
