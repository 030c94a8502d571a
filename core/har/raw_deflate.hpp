// Raw DEFLATE (RFC 1951, no zlib or gzip wrapper), as SAML's HTTP-Redirect
// binding sends a message: zlib does the work.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace core {

// nullopt when `bytes` is not a whole raw DEFLATE stream, or inflates to
// more than `most_bytes` (a small message may inflate a thousandfold).
std::optional<std::string> inflate_raw(std::string_view bytes, size_t most_bytes);
std::string deflate_raw(std::string_view bytes);

}  // namespace core
