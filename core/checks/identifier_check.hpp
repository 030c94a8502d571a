// Identifiers support asks for. Organization IDs and application keys have a
// vendor-specific shape, described in the program document
// (IdentifierFormat); any other ID (correlation, webhook delivery,
// entitlement, ...) is only checked to be one token of printable characters.
#pragma once

#include "core/program/program.hpp"

#include <string>
#include <string_view>

namespace core {

// Empty when `text` fits `format`; otherwise the expected shape with the
// format's example: "An organization ID is "org_" followed by 16 to 32
// letters or digits, like org_7Hq2KpL9sX4mN1aB; this one has 12 after "org_"."
std::string identifier_problem(const IdentifierFormat& format, std::string_view text);

// Empty when `text` looks like some ID: printable ASCII, no spaces, at most
// 200 characters. `example` ("corr_01HXZ3T8K9QW7M2V") is shown in messages.
std::string free_identifier_problem(std::string_view text, std::string_view example);

}  // namespace core
