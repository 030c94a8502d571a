#include "core/text/json_error.hpp"

#include "core/text/json_reader.hpp"

#include <nlohmann/json.hpp>

namespace core {

using nlohmann::json;

namespace {

// Only asked after a failed parse, to say where the text went wrong.
struct ParseErrorLocator {
    std::size_t byte = 0;
    std::string reason;

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(json::number_integer_t) { return true; }
    bool number_unsigned(json::number_unsigned_t) { return true; }
    bool number_float(json::number_float_t, const std::string&) { return true; }
    bool string(std::string&) { return true; }
    bool binary(json::binary_t&) { return true; }
    bool start_object(std::size_t) { return true; }
    bool key(std::string&) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
        byte = position;
        reason = e.what();
        return false;
    }
};

}  // namespace

std::string describe_invalid_json(std::string_view text) {
    if (json_nesting_exceeds(text))
        return "not readable: arrays and objects nest more than " + std::to_string(deepest_json_nesting) + " deep";
    ParseErrorLocator locator;
    json::sax_parse(text, &locator);
    std::string message = "not valid JSON at byte " + std::to_string(locator.byte);
    // nlohmann's text reads "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ...";
    // keep the part after the location.
    auto detail = locator.reason.find(": ");
    if (detail != std::string::npos) message += " (" + locator.reason.substr(detail + 2) + ")";
    return message;
}

}  // namespace core
