# Turns a file into a C++ source holding its bytes, so the browser build needs
# no virtual file system for what it carries (fonts, the zone names):
#   cmake -DIN=<file> -DOUT=<source.cpp> -DNAME=<function> -P cmake/embed_bytes.cmake
# defines  std::span<const unsigned char> <NAME>()  in namespace shell.
file(READ "${IN}" HEX HEX)
string(LENGTH "${HEX}" HEX_LENGTH)
math(EXPR SIZE "${HEX_LENGTH} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," BYTES "${HEX}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" BYTES "${BYTES}")
file(WRITE "${OUT}.tmp"
"// Generated from ${IN} by cmake/embed_bytes.cmake. Do not edit.
#include <span>
namespace shell {
static const unsigned char bytes[${SIZE} + 1] = {
${BYTES}0};
std::span<const unsigned char> ${NAME}() { return {bytes, ${SIZE}}; }
}  // namespace shell
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
