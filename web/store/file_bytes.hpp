// Reading a whole file from disk, the one way the service does it: the
// program document, public/ files, zone files and operators' secret files.
// Only regular files are read (libstdc++'s filebuf throws on a directory),
// and a failure is a reason in words, never an exception.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace web {

// The file's bytes, or nullopt with `why` set ("No such file or directory",
// "it is not a regular file") when it cannot be read.
std::optional<std::string> read_file_bytes(const std::filesystem::path& path, std::string* why = nullptr);

}  // namespace web
