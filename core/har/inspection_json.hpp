// A decoded token's lines and findings as JSON members "lines" and
// "findings": one shape for the HAR report and the token viewer, which the
// page reads back with read_inspection_lines (core/model/har_report.hpp).
#pragma once

#include "core/checks/jwt_inspection.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace core {

inline void put_lines_and_findings(nlohmann::ordered_json& into, const std::vector<JwtClaimLine>& lines,
                                   const std::vector<JwtFinding>& findings) {
    into["lines"] = nlohmann::ordered_json::array();
    for (const auto& l : lines) into["lines"].push_back({{"name", l.name}, {"value", l.value}});
    into["findings"] = nlohmann::ordered_json::array();
    for (const auto& f : findings) into["findings"].push_back({{"level", to_string(f.level)}, {"message", f.message}});
}

}  // namespace core
