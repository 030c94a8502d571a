#include "core/text/json_member_reader.hpp"

namespace core {

using nlohmann::json;

bool JsonMemberReader::fail(const std::string& path, const std::string& what) {
    if (error.empty()) error = path + ": " + what;
    return false;
}

std::string JsonMemberReader::member_path(const std::string& path, const char* key) {
    return path.empty() ? std::string(key) : path + "." + key;
}

const json* JsonMemberReader::member(const json& object, const std::string& path, const char* key, json::value_t type) {
    auto it = object.find(key);
    if (it == object.end()) {
        fail(member_path(path, key), "missing");
        return nullptr;
    }
    if (it->type() != type && !(type == json::value_t::number_integer && it->is_number_unsigned())) {
        fail(member_path(path, key), "wrong type (" + std::string(it->type_name()) + ")");
        return nullptr;
    }
    return &*it;
}

bool JsonMemberReader::text(const json& object, const std::string& path, const char* key, std::string& out) {
    const json* value = member(object, path, key, json::value_t::string);
    if (value) out = value->get<std::string>();
    return value != nullptr;
}

bool JsonMemberReader::instant(const json& object, const std::string& path, const char* key, Instant& out) {
    std::string value;
    if (!text(object, path, key, value)) return false;
    std::optional<Instant> parsed = parse_instant(value);
    if (!parsed) return fail(member_path(path, key), "\"" + value + "\" is not an ISO-8601 instant");
    out = *parsed;
    return true;
}

}  // namespace core
