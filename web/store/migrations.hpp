// The history of the database schema, oldest first. A migration is never
// edited once released: a change to the schema is a new entry at the end.
#pragma once

#include <span>
#include <string_view>

namespace web {

struct Migration {
    int version = 0;          // 1, 2, 3, ... without gaps
    std::string_view name;    // recorded next to the version, for people reading the database
    std::string_view sql;     // may hold several statements
};

std::span<const Migration> schema_migrations();

}  // namespace web
