# Turns core/program/program.json into a C++ source holding it as a raw string, so every
# binary (browser, service, CLI) starts from the same document.
file(READ "${IN}" TEXT)
file(WRITE "${OUT}.tmp"
"// Generated from core/program/program.json by cmake/embed_program.cmake. Do not edit.
#include <string_view>
namespace core {
std::string_view default_program_json() {
    return R\"PROGRAM_JSON(${TEXT})PROGRAM_JSON\";
}
}  // namespace core
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
