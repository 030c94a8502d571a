#include "migrations.hpp"

namespace web {

namespace {

const Migration migrations[] = {
    // The starting point: no domain tables yet. Recording it lets every later
    // migration rely on a database that has been through the mechanism once.
    {1, "baseline", ""},
};

}  // namespace

std::span<const Migration> schema_migrations() { return migrations; }

}  // namespace web
