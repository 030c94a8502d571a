#include "core/text/json_reader.hpp"

#include <doctest/doctest.h>

#include <string>

TEST_CASE("JSON nested up to 64 deep is read; deeper is refused before parsing") {
    auto nested = [](int depth, char open, char close) { return std::string(depth, open) + std::string(depth, close); };
    CHECK_FALSE(core::json_nesting_exceeds(nested(64, '[', ']')));
    CHECK(core::json_nesting_exceeds(nested(65, '[', ']')));
    CHECK(core::read_json(nested(64, '[', ']')).is_array());
    CHECK(core::read_json(nested(65, '[', ']')).is_discarded());
    // 50,000 deep, the body that once overflowed the service's stack.
    CHECK(core::read_json(nested(50000, '[', ']')).is_discarded());
    CHECK(core::read_json<nlohmann::ordered_json>("{\"a\":" + nested(70, '[', ']') + "}").is_discarded());
}

TEST_CASE("brackets inside strings, escaped quotes included, do not count as nesting") {
    std::string text = "{\"a\": \"" + std::string(100, '[') + "\\\"" + std::string(100, '{') + "\"}";
    CHECK_FALSE(core::json_nesting_exceeds(text));
    CHECK(core::read_json(text)["a"].get<std::string>().size() == 201);
}

TEST_CASE("closing brackets never make the count go below zero") {
    CHECK_FALSE(core::json_nesting_exceeds(std::string(1000, ']') + std::string(64, '[')));
    CHECK(core::read_json("]]]").is_discarded());
}
