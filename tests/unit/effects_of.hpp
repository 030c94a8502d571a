// The effects of one kind among update()'s result, as copies, so the result
// of a temporary update() call can be inspected safely.
#pragma once

#include "core/app.hpp"

#include <optional>
#include <vector>

template <typename T>
std::vector<std::optional<T>> effects_of(const std::vector<core::Effect>& effects) {
    std::vector<std::optional<T>> found;
    for (const core::Effect& e : effects)
        if (auto* t = std::get_if<T>(&e)) found.push_back(*t);
    return found;
}
