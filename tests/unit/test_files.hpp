// Reading files the tests ship with (tests/unit/data) or check (core/program/program.json).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace test_files {

inline std::string read(const std::string& path_in_repo) {
    std::ifstream in(std::string(PORTAL_SOURCE_DIR) + "/" + path_in_repo, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace test_files
