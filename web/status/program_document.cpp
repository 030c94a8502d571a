#include "web/status/program_document.hpp"

#include "core/program/program.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace web {

std::optional<ProgramDocument> load_program_document(const std::optional<std::string>& file, std::string& error) {
    if (!file) return ProgramDocument{std::string(core::default_program_json()), "built-in", core::default_program()};

    std::ifstream in(*file, std::ios::binary);
    if (!in) {
        error = "cannot read program file " + *file + ": " + std::strerror(errno);
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
        error = "cannot read program file " + *file + ": " + std::strerror(errno);
        return std::nullopt;
    }

    core::Parsed<core::Program> parsed = core::parse_program(text.str());
    if (!parsed) {
        error = "program file " + *file + " rejected: " + parsed.error;
        return std::nullopt;
    }
    return ProgramDocument{std::move(text).str(), *file, std::move(*parsed.value)};
}

}  // namespace web
