// Every JSON text from outside (API bodies, the program document, kept and
// imported drafts, stored rows, the service's answers) is read here. The
// parser itself does not recurse, but printing, comparing and copying a value
// do: a body of arrays nested 50,000 deep parses, then overflows the stack
// later. So a text nested deeper than `deepest_json_nesting` is unreadable,
// refused before it is parsed; no document of ours comes near the limit.
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

namespace core {

inline constexpr int deepest_json_nesting = 64;

// True when `text` opens more than `limit` arrays and objects inside one
// another (brackets inside strings do not count). Linear, no recursion.
bool json_nesting_exceeds(std::string_view text, int limit = deepest_json_nesting);

// The value, or a discarded one (is_discarded()) when the text is not JSON
// or nests too deep; describe_invalid_json says which. Built by the plain
// DOM builder: Json::parse would also bring the builder for filtering
// callbacks (and vector<bool>), which nothing here uses, into the page.
template <class Json = nlohmann::json>
Json read_json(std::string_view text) {
    if (json_nesting_exceeds(text)) return Json(Json::value_t::discarded);
    Json result;
    nlohmann::detail::json_sax_dom_parser<Json> builder(result, /*allow_exceptions=*/false);
    if (!Json::sax_parse(text, &builder) || builder.is_errored()) return Json(Json::value_t::discarded);
    return result;
}

}  // namespace core
