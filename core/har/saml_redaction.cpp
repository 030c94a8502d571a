#include "core/har/saml_redaction.hpp"

#include "core/har/raw_deflate.hpp"
#include "core/text/ascii_text.hpp"
#include "core/text/base64url.hpp"

#include <pugixml.hpp>

namespace core {

namespace {

constexpr size_t largest_inflated_message = 4 * 1024 * 1024;

std::string_view local_name(const char* qualified) {
    const std::string_view name(qualified);
    const size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

struct StringWriter : pugi::xml_writer {
    std::string text;
    void write(const void* data, size_t size) override { text.append(static_cast<const char*>(data), size); }
};

}  // namespace

std::optional<std::string> redact_saml_xml(Redactor& redactor, std::string_view name, std::string_view xml) {
    pugi::xml_document document;
    // parse_full keeps comments, declarations and white space, so what stays
    // reads as it was written; no DTD is ever expanded by pugixml.
    const pugi::xml_parse_result parsed =
        document.load_buffer(xml.data(), xml.size(), pugi::parse_full & ~pugi::parse_eol, pugi::encoding_utf8);
    if (!parsed) {
        // Not XML that can be read: nothing in it can be kept safely.
        return redactor.redact(RedactionKind::SamlSignature, name, xml);
    }
    bool changed = false;
    struct Walker : pugi::xml_tree_walker {
        Redactor* redactor;
        std::string_view name;
        bool* changed;
        bool for_each(pugi::xml_node& node) override {
            if (node.type() != pugi::node_element) return true;
            const std::string_view local = local_name(node.name());
            if (local != "SignatureValue" && local != "CipherValue") return true;
            for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
                if (child.type() != pugi::node_pcdata && child.type() != pugi::node_cdata) continue;
                const std::string_view value = trim_spaces(child.value());
                if (value.empty() || is_secret_marker(value)) continue;
                child.set_value(redactor->redact(RedactionKind::SamlSignature, local, value).c_str());
                *changed = true;
            }
            return true;
        }
    } walker;
    walker.redactor = &redactor;
    walker.name = name;
    walker.changed = &changed;
    document.traverse(walker);
    StringWriter writer;
    document.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    redactor.found_token(TokenKind::Saml, name, writer.text);
    if (!changed) return std::nullopt;
    return std::move(writer.text);
}

std::optional<std::string> redact_saml_parameter(Redactor& redactor, std::string_view name, std::string_view value) {
    // A "+" read as a space by form decoding is base64's "+" here.
    std::string base64(trim_spaces(value));
    for (char& c : base64)
        if (c == ' ') c = '+';
    const auto bytes = base64_decode(base64);
    if (!bytes) return redactor.redact(RedactionKind::SamlSignature, name, value);
    if (trim_spaces(*bytes).starts_with('<')) {
        // HTTP-POST: base64 of the XML.
        auto xml = redact_saml_xml(redactor, name, *bytes);
        if (!xml || is_secret_marker(*xml)) return xml;
        return base64_encode(*xml);
    }
    // HTTP-Redirect: base64 of raw DEFLATE of the XML.
    const auto inflated = inflate_raw(*bytes, largest_inflated_message);
    if (!inflated) return redactor.redact(RedactionKind::SamlSignature, name, value);
    auto xml = redact_saml_xml(redactor, name, *inflated);
    if (!xml || is_secret_marker(*xml)) return xml;
    return base64_encode(deflate_raw(*xml));
}

}  // namespace core
