// Reading files the tests ship with (tests/unit/data) or check (core/program/program.json).
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace test_files {

inline std::string read(const std::string& path_in_repo) {
    std::ifstream in(std::string(PORTAL_SOURCE_DIR) + "/" + path_in_repo, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A public fixture from ../shared/fixtures (see its README.md), by its path there.
inline std::string read_fixture(const std::string& path_in_fixtures) {
    std::ifstream in(std::string(PORTAL_SOURCE_DIR) + "/../shared/fixtures/" + path_in_fixtures, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in.good() && text.str().empty()) throw std::runtime_error("cannot read fixture " + path_in_fixtures);
    return text.str();
}

}  // namespace test_files
