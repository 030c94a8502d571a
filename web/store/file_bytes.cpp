#include "web/store/file_bytes.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace web {

std::optional<std::string> read_file_bytes(const std::filesystem::path& path, std::string* why) {
    auto fail = [&](std::string reason) -> std::optional<std::string> {
        if (why) *why = std::move(reason);
        return std::nullopt;
    };
    std::error_code error;
    const std::filesystem::file_status status = std::filesystem::status(path, error);
    if (error) return fail(error.message());
    if (!std::filesystem::is_regular_file(status)) return fail("it is not a regular file");
    try {
        std::ifstream file(path, std::ios::binary);
        if (!file) return fail(std::strerror(errno));
        std::string bytes{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
        if (file.bad()) return fail(std::strerror(errno));
        return bytes;
    } catch (const std::ios_base::failure& failure) {
        return fail(failure.what());
    }
}

}  // namespace web
