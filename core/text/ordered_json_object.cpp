#include "core/text/ordered_json_object.hpp"
#include "core/text/json_reader.hpp"

#include <algorithm>

namespace core {

namespace {

using nlohmann::json;

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The names of the top-level object's members in the order written. Called
// only on text nlohmann has read as an object, so it is well formed.
std::vector<std::string> names_in_order(std::string_view text) {
    std::vector<std::string> names;
    int depth = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == '"') {
            const size_t start = i;
            for (++i; i < text.size() && text[i] != '"'; ++i)
                if (text[i] == '\\') ++i;   // an escaped quote does not end the string
            if (depth != 1) continue;
            size_t next = i + 1;
            while (next < text.size() && is_json_space(text[next])) ++next;
            if (next >= text.size() || text[next] != ':') continue;   // a value, not a name
            const json name = read_json(text.substr(start, i - start + 1));
            if (name.is_string() && std::find(names.begin(), names.end(), name.get_ref<const std::string&>()) == names.end())
                names.push_back(name.get<std::string>());
        }
    }
    return names;
}

std::string dump_value(const json& value, int indent) {
    return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::optional<OrderedJsonObject> OrderedJsonObject::read(std::string_view text) {
    json doc = read_json(text);
    if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
    OrderedJsonObject object;
    for (std::string& name : names_in_order(text)) {
        auto it = doc.find(name);
        if (it == doc.end()) continue;   // cannot happen with well-formed text; never invent a member
        json value = std::move(*it);
        object.members_.emplace_back(std::move(name), std::move(value));
    }
    return object;
}

OrderedJsonObject& OrderedJsonObject::set(std::string name, nlohmann::json value) {
    auto it = std::find_if(members_.begin(), members_.end(), [&](const Member& m) { return m.first == name; });
    if (it != members_.end())
        it->second = std::move(value);
    else
        members_.emplace_back(std::move(name), std::move(value));
    return *this;
}

const nlohmann::json* OrderedJsonObject::find(std::string_view name) const {
    for (const Member& m : members_)
        if (m.first == name) return &m.second;
    return nullptr;
}

std::string OrderedJsonObject::dump(int indent) const {
    if (members_.empty()) return "{}";
    const bool pretty = indent >= 0;
    const std::string pad(pretty ? static_cast<size_t>(indent) : 0, ' ');
    std::string out = "{";
    for (size_t i = 0; i < members_.size(); ++i) {
        if (i > 0) out += ',';
        if (pretty) out += "\n" + pad;
        out += dump_value(members_[i].first, -1);   // the name, quoted and escaped
        out += pretty ? ": " : ":";
        const std::string value = dump_value(members_[i].second, indent);
        // A nested value's lines move in by one level; JSON text never holds
        // a raw line break inside a string, so every '\n' starts a line.
        for (char c : value) {
            out += c;
            if (c == '\n') out += pad;
        }
    }
    if (pretty) out += '\n';
    out += '}';
    return out;
}

}  // namespace core
