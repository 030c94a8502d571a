// core::read_json_tape against nlohmann::json on the public HAR fixtures
// and on texts that are JSON or nearly: the same verdict, the same values
// in the same order, and for every bad text an error that says where.
#include "core/text/json_tape.hpp"

#include "test_files.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>


using core::JsonKind;
using core::JsonTape;
using core::JsonTapeError;

namespace {

std::string without_bom(std::string text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    return text;
}

bool tape_accepts(std::string_view text) {
    JsonTape tape;
    JsonTapeError error;
    return core::read_json_tape(text, tape, error);
}

// nlohmann's values in document order, as the tape lists them: kind and,
// for scalars, the value as JSON text.
void flatten(const nlohmann::ordered_json& value, std::vector<std::pair<JsonKind, std::string>>& out) {
    switch (value.type()) {
    case nlohmann::json::value_t::object:
        out.emplace_back(JsonKind::Object, "");
        for (const auto& [key, member] : value.items()) flatten(member, out);
        break;
    case nlohmann::json::value_t::array:
        out.emplace_back(JsonKind::Array, "");
        for (const auto& element : value) flatten(element, out);
        break;
    case nlohmann::json::value_t::string: out.emplace_back(JsonKind::String, value.get<std::string>()); break;
    case nlohmann::json::value_t::boolean: out.emplace_back(value.get<bool>() ? JsonKind::True : JsonKind::False, ""); break;
    case nlohmann::json::value_t::null: out.emplace_back(JsonKind::Null, ""); break;
    default: out.emplace_back(JsonKind::Number, value.dump()); break;
    }
}

}  // namespace

TEST_CASE("the HAR and token fixtures read as nlohmann reads them: every value, in order, strings decoded alike") {
    for (const char* name : {"har/jfromaniello-har-sanitizer_example.har", "har/mitmproxy_chrome.har",
                             "har/mitmproxy_websocket.har", "har/mitmproxy_with-bom.har", "tokens/jwt_vectors.json"}) {
        CAPTURE(name);
        const std::string text = test_files::read_fixture(name);   // with-bom's mark is skipped, as nlohmann skips it
        JsonTape tape;
        JsonTapeError error;
        REQUIRE_MESSAGE(core::read_json_tape(text, tape, error), error.path, ": ", error.message);
        std::vector<std::pair<JsonKind, std::string>> expected;
        flatten(nlohmann::ordered_json::parse(text), expected);
        REQUIRE(tape.nodes.size() == expected.size());
        for (size_t i = 0; i < expected.size(); i++) {
            const core::JsonNode& node = tape.nodes[i];
            CAPTURE(i);
            REQUIRE(node.kind == expected[i].first);
            const std::string_view span = std::string_view(text).substr(node.begin, node.end - node.begin);
            if (node.kind == JsonKind::String) CHECK(core::json_string_text(span) == expected[i].second);
            if (node.kind == JsonKind::Number)
                CHECK(nlohmann::json::parse(span).dump() == expected[i].second);   // the span is the number's own text
            if (node.kind == JsonKind::Object || node.kind == JsonKind::Array) {
                CHECK(span.front() == (node.kind == JsonKind::Object ? '{' : '['));
                CHECK(span.back() == (node.kind == JsonKind::Object ? '}' : ']'));
            }
            if (node.parent >= 0) CHECK(tape.nodes[static_cast<size_t>(node.parent)].after >= node.after);
            CHECK(node.is_member() == (node.parent >= 0 && tape.nodes[static_cast<size_t>(node.parent)].kind == JsonKind::Object));
        }
    }
}

TEST_CASE("members are found by name, escaped or not, and the entries of a HAR can be walked without a tree") {
    const std::string text = without_bom(test_files::read_fixture("har/mitmproxy_chrome.har"));
    JsonTape tape;
    JsonTapeError error;
    REQUIRE(core::read_json_tape(text, tape, error));
    const int32_t log = tape.member(text, 0, "log");
    REQUIRE(log > 0);
    const int32_t entries = tape.member(text, log, "entries");
    REQUIRE(entries > 0);
    int count = 0;
    for (uint32_t i = static_cast<uint32_t>(entries) + 1; i < tape.nodes[static_cast<size_t>(entries)].after;
         i = tape.nodes[i].after) {
        CHECK(tape.nodes[i].kind == JsonKind::Object);
        CHECK(tape.member(text, static_cast<int32_t>(i), "request") > 0);
        count++;
    }
    CHECK(count == static_cast<int>(nlohmann::json::parse(text)["log"]["entries"].size()));
    CHECK(tape.member(text, log, "nothing") == -1);
    CHECK(tape.member(text, entries, "request") == -1);   // a list has no members

    const std::string escaped = R"({"a\u0062":1,"c":{"d":[]}})";
    REQUIRE(core::read_json_tape(escaped, tape, error));
    CHECK(tape.member(escaped, 0, "ab") == 1);
    CHECK(tape.member(escaped, 0, "c") == 2);
    CHECK(tape.nodes[2].after == 4);
}

TEST_CASE("the tape says yes and no where nlohmann does") {
    const std::vector<std::string> texts = {
        "", " ", "0", "-0", "-0.5e+3", "1E9", "01", "-", "1.", "1e", "1e+", ".5", "+1", "[1,]", "[,1]", "[1 2]", "1 2",
        "{}", "[]", " {\"a\":[true,false,null]} ", "{\"a\":1,}", "{a:1}", "{\"a\" 1}", "{\"a\":}", "{\"a\":1 \"b\":2}",
        "\"\\x\"", "\"\\u12G4\"", "\"\\uD83D\\uDE00\"", "\"\\uD800\"", "\"\\uDC00\"", "\"\\uD800\\u0041\"", "\"\\uD800x\"",
        "\"\x01\"", "\"\x7F\"", "\"\xC3\xA9\"", "\"\xC3\"", "\"\xC0\xAF\"", "\"\xE0\x80\xAF\"", "\"\xED\xA0\x80\"",
        "\"\xF4\x90\x80\x80\"", "\"\xF0\x9F\x98\x80\"", "\"\xFF\"", "tru", "true", "nul", "nulls", "falsey", "[[[]]]",
        "[\"abcdefghijklmnopqrstuvwxyz\\\"0123456789\"]", "[\"abcdefghijklmnop\x1fqrstuvwxyz\"]", "\"\\/\\b\\f\\n\\r\\t\"",
        "{\"\":\"\"}", "[1,[2,[3,{\"4\":[5]}]]]", "\xEF\xBB\xBF{}", "{}\n", "{}x", "[\"a\",\"b\\",
    };
    for (const std::string& text : texts) {
        CAPTURE(text);
        CHECK(tape_accepts(text) == nlohmann::json::accept(text));
    }
}

TEST_CASE("every cut of a HAR is refused with the place it stops and words for why, never read as whole") {
    const std::string text = test_files::read_fixture("har/jfromaniello-har-sanitizer_example.har");
    REQUIRE(tape_accepts(text));
    size_t inside_entries = 0;
    for (size_t cut = 0; cut < text.size(); cut++) {
        // A cut in the final white space leaves whole JSON.
        if (text.find_first_not_of(" \n\r\t", cut) == std::string::npos) break;
        JsonTape tape;
        JsonTapeError error;
        CAPTURE(cut);
        REQUIRE_FALSE(core::read_json_tape(std::string_view(text).substr(0, cut), tape, error));
        CHECK(error.offset <= cut);
        CHECK_FALSE(error.message.empty());
        inside_entries += error.path.starts_with("log.entries[");
    }
    CHECK(inside_entries > text.size() / 2);   // most of the file is its entries
}

TEST_CASE("an error names the member and the place in the document") {
    struct Case {
        std::string text, path, message;
    };
    const std::vector<Case> cases = {
        {R"({"log":{"entries":[{},{"request":{"headers":[1,2,]}}]}})", "log.entries[1].request.headers[2]", "Expected a value"},
        {R"({"log":{"entries":[{"time":01}]}})", "log.entries[0].time", "does not begin with 0"},
        {R"({"log":{"entries":[{"response":{"content":{"text":"a)", "log.entries[0].response.content.text", "cut off"},
        {"{\"log\":{\"pages\":[{\"title\":\"a\tb\"}]}}", "log.pages[0].title", "control character (U+0009)"},
        {R"({"log":{"version":"1.2" "creator":{}}})", "log.version", "Expected , or }"},
        {R"({"log":{"entries":[{"a":1},]}})", "log.entries[1]", "Expected a value"},
        {R"({"log":{"entries":[{"a":1}, 2 3]}})", "log.entries[1]", "Expected , or ]"},
        {R"({"log":{,}})", "log", "member name in quotes"},
        {"{\"log\":\"\xC3(\"}", "log", "not UTF-8"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        JsonTape tape;
        JsonTapeError error;
        REQUIRE_FALSE(core::read_json_tape(c.text, tape, error));
        CHECK(error.path == c.path);
        CHECK_MESSAGE(error.message.find(c.message) != std::string::npos, error.message);
        CHECK(error.offset < c.text.size());
    }
}

TEST_CASE("nesting is read without recursion, and refused past ten thousand levels") {
    const std::string deepest = std::string(core::deepest_tape_nesting, '[') + std::string(core::deepest_tape_nesting, ']');
    JsonTape tape;
    JsonTapeError error;
    REQUIRE(core::read_json_tape(deepest, tape, error));
    CHECK(tape.nodes.size() == core::deepest_tape_nesting);
    CHECK(tape.nodes[0].after == core::deepest_tape_nesting);
    const std::string deeper = std::string(200000, '[') + std::string(200000, ']');
    REQUIRE_FALSE(core::read_json_tape(deeper, tape, error));
    CHECK(error.message.find("nested more than 10000") != std::string::npos);
    CHECK(error.offset == core::deepest_tape_nesting);
}

TEST_CASE("a string quoted again reads back as itself, here and in nlohmann") {
    for (const std::string text : {std::string(""), std::string("plain"), std::string("quote \" and \\ and /"),
                                   std::string("tab\tnew line\ncarriage\rbell\x07"), std::string("nul\0inside", 10),
                                   std::string("caf\xC3\xA9 \xF0\x9F\x98\x80 \xE2\x80\xA8")}) {
        CAPTURE(text);
        const std::string quoted = core::json_quoted(text);
        CHECK(tape_accepts(quoted));
        CHECK(core::json_string_text(quoted) == text);
        CHECK(nlohmann::json::parse(quoted).get<std::string>() == text);
    }
}
