// Any bytes as a JSON text for core::read_json_tape, the reader a HAR file
// goes through: the same verdict as nlohmann::json::accept (but for nesting
// past the tape's limit, which nlohmann reads, NUL bytes, where nlohmann
// stops reading, and numbers past a double's range, which nlohmann refuses),
// spans that nest inside one
// another, and every string reading back as itself once quoted again.
#include "fuzz_input.hpp"

#include "core/text/json_tape.hpp"

#include <nlohmann/json.hpp>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    core::JsonTape tape;
    core::JsonTapeError error;
    const bool read = core::read_json_tape(text, tape, error);
    fuzz::expect(read == error.message.empty());
    // A NUL byte is JSON nowhere (in a string it must be escaped); nlohmann
    // takes one outside a string for the end of the text, so no comparison.
    if (text.find('\0') != std::string_view::npos) {
        fuzz::expect(!read);
        return 0;
    }
    if (!read) {
        fuzz::expect(!error.message.empty() && error.offset <= text.size());
        if (error.message.find("nested more than") == std::string::npos) fuzz::expect(!nlohmann::json::accept(text));
        return 0;
    }
    if (!nlohmann::json::accept(text)) {
        // Only a number too large for a double, which JSON's grammar allows
        // (and the tape keeps as written), may nlohmann refuse here.
        bool overflow = false;
        try {
            (void)nlohmann::json::parse(text);
        } catch (const nlohmann::json::out_of_range& e) {
            overflow = e.id == 406;
        } catch (const nlohmann::json::exception&) {
        }
        fuzz::expect(overflow);
    }
    fuzz::expect(!tape.nodes.empty());
    for (size_t i = 0; i < tape.nodes.size(); i++) {
        const core::JsonNode& node = tape.nodes[i];
        fuzz::expect(node.begin < node.end && node.end <= text.size() && node.after > i && node.after <= tape.nodes.size());
        if (node.parent >= 0) {
            const core::JsonNode& parent = tape.nodes[static_cast<size_t>(node.parent)];
            fuzz::expect(static_cast<size_t>(node.parent) < i && parent.begin < node.begin && node.end < parent.end &&
                         node.after <= parent.after);
            fuzz::expect(node.is_member() == (parent.kind == core::JsonKind::Object));
        }
        if (node.kind == core::JsonKind::String) {
            const std::string value = core::json_string_text(text.substr(node.begin, node.end - node.begin));
            fuzz::expect(core::json_string_text(core::json_quoted(value)) == value);
        }
        if (node.kind == core::JsonKind::Object && node.after > i + 1) {
            const core::JsonNode& first = tape.nodes[i + 1];
            const std::string name = core::json_string_text(text.substr(first.key_begin, first.key_end - first.key_begin));
            fuzz::expect(tape.member(text, static_cast<int32_t>(i), name) == static_cast<int32_t>(i + 1));
        }
    }
    return 0;
}
