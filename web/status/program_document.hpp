// The support program the service runs with: the built-in document, or the
// one given with --program, checked by core::parse_program before the service
// accepts it. Served verbatim by GET /api/v1/program.
#pragma once

#include "core/program/program.hpp"

#include <optional>
#include <string>

namespace web {

struct ProgramDocument {
    std::string text;    // the JSON exactly as written
    std::string source;  // "built-in" or the file path, for messages
    core::Program program;  // `text` parsed: the rules the service applies (SLA terms)
};

// The document from `file`, or the built-in one when `file` is empty. On a
// problem returns nothing and a one-line reason naming the file and the field.
std::optional<ProgramDocument> load_program_document(const std::optional<std::string>& file, std::string& error);

}  // namespace web
