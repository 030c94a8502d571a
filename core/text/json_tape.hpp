// A JSON text read into a flat list of its values, each with its span in the
// text, without building a tree of decoded values: what a HAR sanitiser
// needs to find the strings it must rewrite and copy every other byte as it
// was (docs/plans/issue-17-har-tokens-attachments.md). The text is checked
// as strictly as nlohmann::json reads it (RFC 8259, UTF-8, no trailing
// commas; a UTF-8 byte order mark before it is skipped, as nlohmann does),
// without recursion, so a deeply nested or cut-off file gets an error that
// says where, never a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace core {

enum class JsonKind : uint8_t { Object, Array, String, Number, True, False, Null };

struct JsonNode {
    JsonKind kind = JsonKind::Null;
    uint32_t begin = 0, end = 0;           // the value's bytes in the text; a string's with its quotes
    uint32_t key_begin = 0, key_end = 0;   // an object member's name, with its quotes; empty otherwise
    int32_t parent = -1;                   // the object or array holding it; -1 for the document's value
    uint32_t after = 0;                    // index of the first node that is not inside this one

    bool is_member() const { return key_end > key_begin; }
};

struct JsonTape {
    std::vector<JsonNode> nodes;   // in document order; nodes[0] is the document's value

    // The member `name` of the object at `object`, or -1.
    int32_t member(std::string_view text, int32_t object, std::string_view name) const;
};

struct JsonTapeError {
    size_t offset = 0;      // byte where the text stops being JSON
    std::string path;       // where, in the document: `log.entries[3].request.headers[2]`; empty at the top
    std::string message;    // what is wrong, in words
};

inline constexpr size_t deepest_tape_nesting = 10000;

// Reads `text` (at most 4 GiB) into `tape`. False, with `error` filled, when
// it is not one JSON value with nothing but white space around it.
bool read_json_tape(std::string_view text, JsonTape& tape, JsonTapeError& error);

// A string value's characters: escapes undone. `quoted` is a span the tape
// checked (a node's or a key's), quotes included.
std::string json_string_text(std::string_view quoted);
// `text` as a JSON string literal, quotes included; appended to `out`, or made.
void append_json_quoted(std::string& out, std::string_view text);
std::string json_quoted(std::string_view text);

}  // namespace core
