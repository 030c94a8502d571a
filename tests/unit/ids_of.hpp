// The ids of a list of program items (routes, fields, questions, ...), to
// compare with the list a test expects.
#pragma once

#include <string>
#include <vector>

std::vector<std::string> ids_of(const auto& items) {
    std::vector<std::string> ids;
    for (const auto& item : items) ids.push_back(item.id);
    return ids;
}
