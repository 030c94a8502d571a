#include "web/http/http_request_reader.hpp"

#include "core/text/ascii_text.hpp"
#include "core/text/utf8_text.hpp"

#include "web/http/http_whitespace.hpp"

#include <algorithm>

namespace web {

namespace {

constexpr size_t longest_chunk_size_line = 1024;   // a size in hex and any chunk extensions

std::string size_text(size_t bytes) {
    if (bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + " MiB";
    if (bytes % 1024 == 0) return std::to_string(bytes / 1024) + " KiB";
    return std::to_string(bytes) + " bytes";
}


// RFC 9110 token characters: what a method or a header name is made of.
bool is_token_char(unsigned char c) {
    if (core::is_ascii_alnum(c)) return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(char(c)) != std::string_view::npos;
}

bool is_token(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return is_token_char(static_cast<unsigned char>(c)); });
}

// A field value may hold visible characters, spaces, tabs and (obsolete but
// allowed) bytes above 0x7f; never another control character.
bool is_field_value(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char ch) {
        unsigned char c = static_cast<unsigned char>(ch);
        return c == '\t' || (c >= 0x20 && c != 0x7f);
    });
}

bool is_request_target(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char ch) {
        unsigned char c = static_cast<unsigned char>(ch);
        return c > 0x20 && c < 0x7f;
    });
}

int hex_value(char c) {
    if (core::is_ascii_digit(c)) return c - '0';
    c = core::ascii_lower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// Names httplib adds to a request itself, from the connection: a client's
// own copy would come first and be believed.
bool is_connection_detail(std::string_view name) {
    for (std::string_view reserved : {"REMOTE_ADDR", "REMOTE_PORT", "LOCAL_ADDR", "LOCAL_PORT"})
        if (core::equals_ignoring_ascii_case(name, reserved)) return true;
    return false;
}

// Several fields of one name are one comma-separated list (RFC 9110 5.3).
void add_to_list(std::string& list, std::string_view value) {
    if (!list.empty()) list += ", ";
    list += value;
}

}  // namespace

size_t RequestLimits::body_limit_for(std::string_view method, std::string_view target) const {
    const std::string_view path = target.substr(0, target.find('?'));
    for (const LargeBodyRoute& route : large_bodies) {
        if (route.method != method) continue;
        // Segment by segment; "*" takes any one non-empty segment.
        const std::vector<std::string_view> want = core::split_on(route.path_pattern, '/'), have = core::split_on(path, '/');
        bool matches = want.size() == have.size();
        for (size_t i = 0; matches && i < want.size(); i++) matches = want[i] == "*" ? !have[i].empty() : want[i] == have[i];
        if (matches) return route.body_bytes;
    }
    return body_bytes;
}

size_t RequestLimits::largest_body() const {
    size_t largest = body_bytes;
    for (const LargeBodyRoute& route : large_bodies) largest = std::max(largest, route.body_bytes);
    return largest;
}

RequestReader::RequestReader(const RequestLimits& limits) : limits_(limits) {}

void RequestReader::reset() {
    progress_ = ReadProgress::NeedMore;
    phase_ = Phase::Head;
    started_ = false;
    expects_continue_ = false;
    head_.clear();
    request_line_end_ = std::string::npos;
    trailer_bytes_ = 0;
    remaining_ = 0;
    body_limit_ = 0;
    refusal_status_ = 0;
    refusal_detail_.clear();
    request_ = FramedRequest{};
}

void RequestReader::refuse(int status, std::string detail) {
    progress_ = ReadProgress::Refused;
    refusal_status_ = status;
    refusal_detail_ = std::move(detail);
}

size_t RequestReader::feed(std::string_view bytes) {
    size_t taken = 0;
    while (taken < bytes.size() && progress_ == ReadProgress::NeedMore) {
        std::string_view rest = bytes.substr(taken);
        switch (phase_) {
            case Phase::Head:
                taken += feed_head(rest);
                break;
            case Phase::LengthBody:
            case Phase::ChunkData: {
                size_t n = size_t(std::min<unsigned long long>(rest.size(), remaining_));
                request_.body.append(rest.data(), n);
                remaining_ -= n;
                taken += n;
                if (remaining_ == 0) {
                    if (phase_ == Phase::LengthBody)
                        finish_body();
                    else
                        phase_ = Phase::ChunkDataEnd;
                }
                break;
            }
            case Phase::ChunkSize:
            case Phase::ChunkDataEnd:
            case Phase::Trailers:
                taken += feed_chunk_line(rest);
                break;
            case Phase::Done:
                return taken;
        }
    }
    return taken;
}

size_t RequestReader::feed_head(std::string_view bytes) {
    size_t skipped = 0;
    // Empty lines before a request line are ignored (RFC 9112 2.2): some
    // clients send one after a body.
    if (head_.empty())
        while (skipped < bytes.size() && (bytes[skipped] == '\r' || bytes[skipped] == '\n')) ++skipped;
    bytes.remove_prefix(skipped);
    if (bytes.empty()) return skipped;
    started_ = true;

    const size_t search_from = head_.size() >= 3 ? head_.size() - 3 : 0;
    const size_t room = limits_.head_bytes - std::min(limits_.head_bytes, head_.size());
    const size_t appended = std::min(bytes.size(), room);
    head_.append(bytes.data(), appended);

    // The request line's length is known as soon as it ends, or grows past
    // the limit. Searched only in new bytes: a head may come a byte at a time.
    if (request_line_end_ == std::string::npos)
        request_line_end_ = head_.find("\r\n", search_from >= 2 ? search_from + 2 : 0);
    // Until its CR LF is found, a CR at the end may be the start of it.
    const size_t line_so_far = request_line_end_ != std::string::npos ? request_line_end_
                                                                      : head_.size() - (head_.ends_with('\r') ? 1 : 0);
    if (line_so_far > limits_.request_line_bytes) {
        refuse(414, "The request's address is longer than " + size_text(limits_.request_line_bytes) + ".");
        return skipped + appended;
    }
    size_t end = head_.find("\r\n\r\n", search_from);
    if (end == std::string::npos) {
        if (head_.size() >= limits_.head_bytes)
            refuse(431, "The request's headers are larger than " + size_text(limits_.head_bytes) + " in all.");
        return skipped + appended;
    }
    end += 4;
    const size_t beyond = head_.size() - end;   // the body's first bytes, or the next request's
    head_.resize(end);
    if (parse_head() && apply_framing()) head_.clear();
    return skipped + appended - beyond;
}

bool RequestReader::parse_head() {
    std::string_view head(head_.data(), head_.size() - 4);
    std::vector<std::string_view> lines;
    for (size_t start = 0;;) {
        size_t end = head.find("\r\n", start);
        std::string_view line = head.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (line.find_first_of("\r\n") != std::string_view::npos) {
            refuse(400, "The request's lines must end with CR LF; it has a bare CR or LF.");
            return false;
        }
        lines.push_back(line);
        if (end == std::string_view::npos) break;
        start = end + 2;
    }

    std::string_view request_line = lines.front();
    if (request_line.size() > limits_.request_line_bytes) {
        refuse(414, "The request's address is longer than " + size_text(limits_.request_line_bytes) + ".");
        return false;
    }
    size_t first_space = request_line.find(' ');
    size_t last_space = request_line.rfind(' ');
    if (first_space == std::string_view::npos || first_space == last_space) {
        refuse(400, "The request line must be a method, an address and a version, separated by single spaces.");
        return false;
    }
    std::string_view method = request_line.substr(0, first_space);
    std::string_view target = request_line.substr(first_space + 1, last_space - first_space - 1);
    std::string_view version = request_line.substr(last_space + 1);
    if (!is_token(method) || !is_request_target(target)) {
        refuse(400, "The request line must be a method, an address and a version, separated by single spaces.");
        return false;
    }
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        bool looks_like_http = version.size() == 8 && version.starts_with("HTTP/") && version[6] == '.';
        refuse(looks_like_http ? 505 : 400, looks_like_http ? "This service speaks HTTP/1.1 (and 1.0)."
                                                            : "The request line does not end with an HTTP version.");
        return false;
    }
    request_.method = method;
    request_.target = target;
    request_.version = version;

    if (lines.size() - 1 > limits_.header_count) {
        refuse(431, "A request may have at most " + std::to_string(limits_.header_count) + " header fields.");
        return false;
    }
    for (size_t i = 1; i < lines.size(); ++i) {
        std::string_view line = lines[i];
        if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
            refuse(400, "Header fields may not be folded over several lines.");
            return false;
        }
        size_t colon = line.find(':');
        std::string_view name = line.substr(0, colon);
        if (colon == std::string_view::npos || !is_token(name)) {
            refuse(400, "Each header line must be a name, a colon and a value.");
            return false;
        }
        std::string_view value = trim_optional_whitespace(line.substr(colon + 1));
        if (!is_field_value(value)) {
            refuse(400, "The header " + std::string(name) + " holds a control character.");
            return false;
        }
        request_.headers.push_back({std::string(name), std::string(value)});
    }
    return true;
}

bool RequestReader::apply_framing() {
    body_limit_ = limits_.body_limit_for(request_.method, request_.target);
    request_.body_limit = body_limit_;
    std::string transfer_coding, content_length, content_coding, expectation;
    bool has_transfer_coding = false, has_length = false, has_expectation = false;
    int hosts = 0;
    std::vector<HeaderField> kept;
    for (HeaderField& field : request_.headers) {
        std::string name = core::ascii_lowercase(field.name);
        if (name == "transfer-encoding") {
            has_transfer_coding = true;
            add_to_list(transfer_coding, field.value);
        } else if (name == "content-length") {
            // Repeated lengths must agree; each value is checked below.
            if (has_length && content_length != field.value) {
                refuse(400, "The request has two different Content-Length values.");
                return false;
            }
            has_length = true;
            content_length = field.value;
        } else if (name == "content-encoding") {
            add_to_list(content_coding, field.value);
        } else if (name == "expect") {
            has_expectation = true;
            add_to_list(expectation, field.value);
        } else if (!is_connection_detail(field.name)) {
            if (name == "host") ++hosts;
            kept.push_back(std::move(field));
        }
    }
    request_.headers = std::move(kept);

    if (request_.version == "HTTP/1.1" && hosts != 1) {
        refuse(400, "An HTTP/1.1 request must have exactly one Host header.");
        return false;
    }
    if (has_expectation) {
        if (core::ascii_lowercase(trim_optional_whitespace(expectation)) != "100-continue") {
            refuse(417, "The only expectation this service meets is 100-continue.");
            return false;
        }
        expects_continue_ = true;
    }
    std::string coding = core::ascii_lowercase(trim_optional_whitespace(content_coding));
    if (coding == "gzip" || coding == "x-gzip")
        request_.content_coding = "gzip";
    else if (coding == "deflate")
        request_.content_coding = "deflate";
    else if (!coding.empty() && coding != "identity") {
        refuse(415, "A request body may be sent as it is, or compressed once with gzip or deflate.");
        return false;
    }

    if (has_transfer_coding) {
        // A length beside a transfer coding is how requests are smuggled past proxies.
        if (has_length || request_.version == "HTTP/1.0") {
            refuse(400, "A request may not have both Transfer-Encoding and Content-Length, nor Transfer-Encoding in HTTP/1.0.");
            return false;
        }
        if (core::ascii_lowercase(trim_optional_whitespace(transfer_coding)) != "chunked") {
            refuse(501, "The only transfer coding this service reads is chunked.");
            return false;
        }
        phase_ = Phase::ChunkSize;
        return true;
    }
    if (has_length) {
        if (!core::is_ascii_digits(content_length) || content_length.size() > 18) {
            refuse(400, "Content-Length must be a number of bytes.");
            return false;
        }
        remaining_ = std::stoull(content_length);
        if (remaining_ > body_limit_) {
            refuse(413, "A request body may be at most " + size_text(body_limit_) + ".");
            return false;
        }
    }
    if (remaining_ > 0)
        phase_ = Phase::LengthBody;
    else
        finish_body();
    return true;
}

size_t RequestReader::feed_chunk_line(std::string_view bytes) {
    size_t newline = bytes.find('\n');
    size_t taken = newline == std::string_view::npos ? bytes.size() : newline + 1;
    head_.append(bytes.data(), taken);
    if (phase_ == Phase::Trailers) {
        trailer_bytes_ += taken;
        if (trailer_bytes_ > limits_.head_bytes) {
            refuse(431, "The request's trailer fields are larger than " + size_text(limits_.head_bytes) + ".");
            return taken;
        }
    } else if (head_.size() > longest_chunk_size_line) {
        refuse(400, "A chunk-size line of the chunked body is too long.");
        return taken;
    }
    if (newline == std::string_view::npos) return taken;
    if (head_.size() < 2 || head_[head_.size() - 2] != '\r') {
        refuse(400, "The lines of a chunked body must end with CR LF.");
        return taken;
    }
    std::string_view line(head_.data(), head_.size() - 2);

    switch (phase_) {
        case Phase::ChunkDataEnd:
            if (!line.empty()) {
                refuse(400, "A chunk of the chunked body is longer than its size says.");
                return taken;
            }
            phase_ = Phase::ChunkSize;
            break;
        case Phase::ChunkSize: {
            std::string_view size = trim_optional_whitespace(line.substr(0, line.find(';')));
            unsigned long long value = 0;
            for (char c : size) {
                int digit = hex_value(c);
                if (digit < 0) {
                    refuse(400, "A chunk size of the chunked body is not a hexadecimal number.");
                    return taken;
                }
                value = value * 16 + unsigned(digit);
                if (value > body_limit_) {
                    refuse(413, "A request body may be at most " + size_text(body_limit_) + ".");
                    return taken;
                }
            }
            if (size.empty()) {
                refuse(400, "A chunk size of the chunked body is missing.");
                return taken;
            }
            if (value == 0) {
                phase_ = Phase::Trailers;
            } else if (request_.body.size() + value > body_limit_) {
                refuse(413, "A request body may be at most " + size_text(body_limit_) + ".");
                return taken;
            } else {
                remaining_ = value;
                phase_ = Phase::ChunkData;
            }
            break;
        }
        case Phase::Trailers:
            // Trailer fields are read past and dropped: nothing here needs them.
            if (line.empty()) finish_body();
            break;
        default:
            break;
    }
    head_.clear();
    return taken;
}

void RequestReader::finish_body() {
    phase_ = Phase::Done;
    progress_ = ReadProgress::Complete;
}

}  // namespace web
