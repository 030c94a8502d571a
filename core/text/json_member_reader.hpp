// Reads the members of a parsed JSON answer from the service (tickets, the
// service status), keeping the first problem as "path: what is wrong": each
// read returns false, or nullptr, and the caller stops there, so a bad answer
// is refused with words that say where, and nothing is thrown.
#pragma once

#include "core/sla/business_calendar.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace core {

class JsonMemberReader {
public:
    // Empty until a read fails.
    std::string error;

    // Records `path: what` unless a problem is already recorded; false.
    bool fail(const std::string& path, const std::string& what);

    // "items[0].severity", or "severity" at the top ("").
    static std::string member_path(const std::string& path, const char* key);

    // The member when it is there and of `type` (an unsigned whole number
    // is a whole number); else nullptr, with the problem recorded.
    const nlohmann::json* member(const nlohmann::json& object, const std::string& path, const char* key,
                                 nlohmann::json::value_t type);

    bool text(const nlohmann::json& object, const std::string& path, const char* key, std::string& out);

    // An ISO-8601 instant written as text.
    bool instant(const nlohmann::json& object, const std::string& path, const char* key, Instant& out);
};

}  // namespace core
