#include "web/status/program_document.hpp"

#include "core/program/program.hpp"
#include "web/store/file_bytes.hpp"


namespace web {

std::optional<ProgramDocument> load_program_document(const std::optional<std::string>& file, std::string& error) {
    if (!file) return ProgramDocument{std::string(core::default_program_json()), "built-in", core::default_program()};

    std::string why;
    std::optional<std::string> text = read_file_bytes(*file, &why);
    if (!text) {
        error = "cannot read program file " + *file + ": " + why;
        return std::nullopt;
    }

    core::Parsed<core::Program> parsed = core::parse_program(*text);
    if (!parsed) {
        error = "program file " + *file + " rejected: " + parsed.error;
        return std::nullopt;
    }
    return ProgramDocument{std::move(*text), *file, std::move(*parsed.value)};
}

}  // namespace web
