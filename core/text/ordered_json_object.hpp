// A JSON object whose members keep their order: the order they were added
// in, or written in the text they were read from. People read a draft file's
// format and version before its fields, and a token's claims as the issuer
// wrote them. Each value is a plain nlohmann::json; nlohmann's own
// ordered_json would do the same as a second instantiation of the whole
// library, 34 KB of the page's module (docs/benchmarks.md).
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace core {

class OrderedJsonObject {
public:
    using Member = std::pair<std::string, nlohmann::json>;

    // The object in `text`, members in the order written (a repeated name
    // keeps its first place and its last value, as nlohmann reads it);
    // nullopt when the text is not JSON, is not an object or nests too deep.
    static std::optional<OrderedJsonObject> read(std::string_view text);

    // Adds a member at the end, or sets the value of one already there.
    OrderedJsonObject& set(std::string name, nlohmann::json value);

    const std::vector<Member>& members() const { return members_; }
    const nlohmann::json* find(std::string_view name) const;
    bool contains(std::string_view name) const { return find(name) != nullptr; }

    // Compact when indent < 0, else as json::dump(indent): one member per
    // line. Text that is not UTF-8 is replaced (U+FFFD), never thrown on.
    std::string dump(int indent = -1) const;

private:
    std::vector<Member> members_;
};

}  // namespace core
