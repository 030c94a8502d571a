// core::OrderedJsonObject against nlohmann's ordered_json as the oracle: the
// same members in the same order, written byte for byte the same, compact
// and pretty. (The page's module leaves ordered_json out; tests may use it.)
#include "core/text/ordered_json_object.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <random>

namespace {

using core::OrderedJsonObject;
using nlohmann::json;
using nlohmann::ordered_json;

std::string oracle_dump(std::string_view text, int indent) {
    return ordered_json::parse(text).dump(indent, ' ', false, json::error_handler_t::replace);
}

// A random value whose objects list their members sorted (as plain json
// keeps them), so only the top level's order is ours to keep.
json random_value(std::mt19937& random, int depth) {
    const std::vector<std::string> words{"a", "exp", "tricky \"name\"", "\\", "{", "}", ":", ",", "[", "é", "日本",
                                         "line\nbreak", ""};
    auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random); };
    switch (depth > 2 ? pick(4) : pick(6)) {
    case 0: return nullptr;
    case 1: return pick(2) == 0;
    case 2: return static_cast<int64_t>(random() % 4000000000ULL) - 2000000000;
    case 3: return words[pick(words.size())];
    case 4: {
        json list = json::array();
        for (size_t i = pick(4); i > 0; --i) list.push_back(random_value(random, depth + 1));
        return list;
    }
    default: {
        json object = json::object();
        for (size_t i = pick(4); i > 0; --i) object[words[pick(words.size())]] = random_value(random, depth + 1);
        return object;
    }
    }
}

}  // namespace

TEST_CASE("an object read from text keeps its members in the order written, values and all") {
    const std::string text = R"( { "sub" : "auth0|1", "iss":"https://acme.example/", "aud":["x", {"a":2,"b":1}],
        "a\"b": "quote", "\u00e9": "é", "colon": "a:b", "nested": {"z": {"y": [1, {"}": "{"}]}}, "n": -1.5e3 } )";
    std::optional<OrderedJsonObject> object = OrderedJsonObject::read(text);
    REQUIRE(object);
    std::vector<std::string> names;
    for (const auto& [name, value] : object->members()) names.push_back(name);
    CHECK(names == std::vector<std::string>{"sub", "iss", "aud", "a\"b", "é", "colon", "nested", "n"});
    REQUIRE(object->find("colon"));
    CHECK(*object->find("colon") == "a:b");
    CHECK(object->find("nested")->at("z").at("y")[1].at("}") == "{");
    CHECK_FALSE(object->contains("z"));   // nested names are not members
    CHECK(object->dump() == oracle_dump(text, -1));
    CHECK(object->dump(2) == oracle_dump(text, 2));
    CHECK(object->dump(0) == oracle_dump(text, 0));
    // Only the top level keeps its order: nested objects are plain json, sorted by name.
    CHECK(OrderedJsonObject::read(R"({"z": {"b": 1, "a": 2}, "y": 0})")->dump() == R"({"z":{"a":2,"b":1},"y":0})");
}

TEST_CASE("a repeated name keeps its first place and its last value; not an object is nothing") {
    std::optional<OrderedJsonObject> object = OrderedJsonObject::read(R"({"a": 1, "b": 2, "a": 3})");
    REQUIRE(object);
    REQUIRE(object->members().size() == 2);
    CHECK(object->members()[0] == OrderedJsonObject::Member{"a", 3});
    CHECK(object->members()[1] == OrderedJsonObject::Member{"b", 2});
    for (const char* not_object : {"", "[1,2]", "\"text\"", "{\"a\":", "{\"a\" 1}", "{} {}", "nul"}) {
        INFO(not_object);
        CHECK_FALSE(OrderedJsonObject::read(not_object));
    }
    CHECK(OrderedJsonObject::read(std::string(100, '[') + std::string(100, ']')) == std::nullopt);   // too deep
    CHECK(OrderedJsonObject::read("{}")->dump(2) == "{}");
}

TEST_CASE("members set in order are written in that order; setting one again keeps its place") {
    OrderedJsonObject object;
    object.set("format", "support-portal-draft").set("version", 1).set("fields", json{{"b", "2"}, {"a", "1"}});
    object.set("version", 2);
    CHECK(object.dump() == R"({"format":"support-portal-draft","version":2,"fields":{"a":"1","b":"2"}})");
    CHECK(object.dump(2) == "{\n  \"format\": \"support-portal-draft\",\n  \"version\": 2,\n  \"fields\": {\n"
                            "    \"a\": \"1\",\n    \"b\": \"2\"\n  }\n}");
    // Not UTF-8, in a name or a value: replaced, never thrown.
    OrderedJsonObject broken;
    broken.set("bad\xff", "caf\xe9");
    CHECK(broken.dump() == "{\"bad\xef\xbf\xbd\":\"caf\xef\xbf\xbd\"}");
}

TEST_CASE("random objects: read and written exactly as nlohmann's ordered_json does") {
    std::mt19937 random(20261206);
    const std::vector<std::string> names{"iss", "sub", "aud", "exp", "iat", "z", "a", "nonce", "{", "\"", "é", ""};
    for (int round = 0; round < 500; ++round) {
        std::vector<std::string> order = names;
        std::shuffle(order.begin(), order.end(), random);
        order.resize(std::uniform_int_distribution<size_t>(0, order.size())(random));
        std::string text = "{";
        for (size_t i = 0; i < order.size(); ++i) {
            if (i > 0) text += random() % 2 ? ", " : ",";
            text += json(order[i]).dump() + (random() % 2 ? " : " : ":") + random_value(random, 0).dump(random() % 2 ? 2 : -1);
        }
        text += "}";
        INFO(text);
        std::optional<OrderedJsonObject> object = OrderedJsonObject::read(text);
        REQUIRE(object);
        CHECK(object->dump() == oracle_dump(text, -1));
        CHECK(object->dump(4) == oracle_dump(text, 4));
    }
}
