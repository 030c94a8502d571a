#include "web/http/gzip.hpp"
#include "web/http/http_whitespace.hpp"

#include "core/text/ascii_text.hpp"
#include "core/text/utf8_text.hpp"

#include <zlib.h>

#include <climits>
#include <cstdlib>

namespace web {

std::optional<std::string> gzip_compress(std::string_view bytes) {
    if (bytes.size() > UINT_MAX) return std::nullopt;  // zlib counts in unsigned int
    z_stream stream{};
    // 15 window bits + 16 asks zlib for a gzip header instead of a zlib one.
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return std::nullopt;

    std::string out(deflateBound(&stream, uLong(bytes.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = uInt(bytes.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = uInt(out.size());
    int status = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    if (status != Z_STREAM_END) return std::nullopt;
    return out;
}

namespace {

// The q value of one Accept-Encoding element ("gzip;q=0.5"): 1 when absent,
// 0 for anything unreadable so a garbled header never turns compression on.
double quality_of(std::string_view parameters) {
    while (!parameters.empty()) {
        size_t semicolon = parameters.find(';');
        std::string_view parameter = trim_optional_whitespace(parameters.substr(0, semicolon));
        parameters = semicolon == std::string_view::npos ? std::string_view() : parameters.substr(semicolon + 1);
        if (parameter.size() < 2 || core::ascii_lower(parameter[0]) != 'q' || parameter[1] != '=') continue;
        std::string_view value = parameter.substr(2);
        if (value.empty() || value.size() > 5) return 0;
        if (value[0] == '1') return 1;
        if (value[0] != '0') return 0;
        for (char c : value.substr(1))
            if (c != '.' && !core::is_ascii_digit(c)) return 0;
        return std::strtod(std::string(value).c_str(), nullptr);
    }
    return 1;
}

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
    std::optional<double> gzip_quality;
    std::optional<double> any_quality;
    while (!accept_encoding.empty()) {
        size_t comma = accept_encoding.find(',');
        std::string_view element = accept_encoding.substr(0, comma);
        accept_encoding = comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);

        size_t semicolon = element.find(';');
        std::string_view coding = trim_optional_whitespace(element.substr(0, semicolon));
        double quality = semicolon == std::string_view::npos ? 1.0 : quality_of(element.substr(semicolon + 1));
        if (core::equals_ignoring_ascii_case(coding, "gzip") || core::equals_ignoring_ascii_case(coding, "x-gzip"))
            gzip_quality = quality;
        else if (coding == "*")
            any_quality = quality;
    }
    if (gzip_quality) return *gzip_quality > 0;
    return any_quality && *any_quality > 0;
}

std::shared_ptr<const std::string> GzipCache::compressed(const std::string& key, const std::string& etag, std::string_view bytes) {
    {
        std::lock_guard lock(mutex_);
        auto found = entries_.find(key);
        if (found != entries_.end() && found->second.etag == etag) return found->second.gzip;
    }
    // Compress outside the lock: a large file must not hold up other requests.
    // Two first requests may both compress; the result is the same.
    std::shared_ptr<const std::string> gzip;
    if (std::optional<std::string> out = gzip_compress(bytes); out && out->size() < bytes.size())
        gzip = std::make_shared<const std::string>(std::move(*out));

    std::lock_guard lock(mutex_);
    entries_[key] = Entry{etag, gzip};
    return gzip;
}

}  // namespace web
