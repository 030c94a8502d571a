// Undoes a request body's content coding (gzip, deflate) with the same limit
// as any other body, counted on the decoded bytes as they come out: 100 KB of
// gzip that would inflate to 100 MB stops at the limit, never in memory whole.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace web {

enum class BodyDecoding { Decoded, TooLarge, Corrupt };

struct DecodedBody {
    BodyDecoding outcome = BodyDecoding::Decoded;
    std::string bytes;
};

// `coding` is "gzip", "deflate" or "" (as it is).
DecodedBody decode_request_body(std::string_view coding, std::string body, size_t limit);

}  // namespace web
