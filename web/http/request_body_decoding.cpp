#include "web/http/request_body_decoding.hpp"

#include <zlib.h>

#include <array>

namespace web {

namespace {

// One zlib stream over the body; gzip may hold several members in a row.
DecodedBody inflate_limited(std::string_view input, int window_bits, size_t limit) {
    DecodedBody result;
    z_stream stream{};
    if (inflateInit2(&stream, window_bits) != Z_OK) return {BodyDecoding::Corrupt, {}};
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
    stream.avail_in = uInt(input.size());
    std::array<char, 64 * 1024> chunk;
    int status = Z_OK;
    while (true) {
        stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
        stream.avail_out = uInt(chunk.size());
        status = inflate(&stream, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END) break;
        result.bytes.append(chunk.data(), chunk.size() - stream.avail_out);
        if (result.bytes.size() > limit) {
            inflateEnd(&stream);
            return {BodyDecoding::TooLarge, {}};
        }
        if (status == Z_STREAM_END) {
            if (stream.avail_in == 0) break;
            if (inflateReset(&stream) != Z_OK) break;   // the next gzip member
            status = Z_OK;
        } else if (stream.avail_in == 0 && stream.avail_out != 0) {
            status = Z_BUF_ERROR;   // the body ends before its stream does
            break;
        }
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END) return {BodyDecoding::Corrupt, {}};
    return result;
}

}  // namespace

DecodedBody decode_request_body(std::string_view coding, std::string body, size_t limit) {
    if (coding == "gzip") return inflate_limited(body, 15 + 16, limit);
    if (coding == "deflate") return inflate_limited(body, 15, limit);   // HTTP's "deflate" is the zlib format
    if (body.size() > limit) return {BodyDecoding::TooLarge, {}};
    return {BodyDecoding::Decoded, std::move(body)};
}

}  // namespace web
