#include "core/har/raw_deflate.hpp"

#include <zlib.h>

namespace core {

namespace {

// Runs `step` (inflate or deflate) over `in` until it stops saying Z_OK,
// collecting what it writes; false once `out` would pass `most_bytes`.
template <class Step>
int pump(z_stream& stream, std::string_view in, std::string& out, size_t most_bytes, Step step) {
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    stream.avail_in = static_cast<uInt>(in.size());
    char buffer[16384];
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        status = step(stream);
        out.append(buffer, sizeof buffer - stream.avail_out);
        if (out.size() > most_bytes) return Z_MEM_ERROR;
        if (status == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) return Z_BUF_ERROR;   // input ended mid-stream
    }
    return status;
}

}  // namespace

std::optional<std::string> inflate_raw(std::string_view bytes, size_t most_bytes) {
    z_stream stream{};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) return std::nullopt;
    std::string out;
    const int status = pump(stream, bytes, out, most_bytes, [](z_stream& s) { return inflate(&s, Z_NO_FLUSH); });
    inflateEnd(&stream);
    if (status != Z_STREAM_END) return std::nullopt;
    return out;
}

std::string deflate_raw(std::string_view bytes) {
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out;
    pump(stream, bytes, out, static_cast<size_t>(-1), [](z_stream& s) { return deflate(&s, Z_FINISH); });
    deflateEnd(&stream);
    return out;
}

}  // namespace core
