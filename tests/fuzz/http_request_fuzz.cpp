// Requests as a hostile client sends them, to the service's own framing
// reader (web/http/http_request_reader) and body decoder. Small limits so every
// refusal path is near. Properties: bytes fed whole or in arbitrary pieces
// give the same outcome and the same request; nothing past a request's end
// is taken; a body never exceeds its limit, before or after decoding.
#include "fuzz_input.hpp"

#include "web/http/http_request_reader.hpp"
#include "web/http/request_body_decoding.hpp"

namespace {

constexpr web::RequestLimits small_limits{512, 256, 10, 4096};

struct Outcome {
    web::ReadProgress progress;
    int status = 0;
    size_t taken = 0;
    web::FramedRequest request;
};

// Feeds `text` in pieces whose sizes come from `cuts` (1..16 bytes each), or whole.
Outcome read(std::string_view text, std::string_view cuts) {
    web::RequestReader reader(small_limits);
    Outcome outcome;
    size_t cut = 0;
    while (outcome.taken < text.size() && reader.progress() == web::ReadProgress::NeedMore) {
        size_t piece = cuts.empty() ? text.size() : 1 + size_t(static_cast<unsigned char>(cuts[cut++ % cuts.size()]) % 16);
        std::string_view bytes = text.substr(outcome.taken, piece);
        size_t taken = reader.feed(bytes);
        fuzz::expect(taken <= bytes.size());
        outcome.taken += taken;
        // A reader that still needs more has taken everything it was given.
        if (reader.progress() == web::ReadProgress::NeedMore) fuzz::expect(taken == bytes.size());
    }
    outcome.progress = reader.progress();
    outcome.status = reader.refusal_status();
    if (outcome.progress == web::ReadProgress::Complete) outcome.request = reader.take_request();
    return outcome;
}

bool same_request(const web::FramedRequest& a, const web::FramedRequest& b) {
    if (a.method != b.method || a.target != b.target || a.version != b.version || a.body != b.body ||
        a.content_coding != b.content_coding || a.headers.size() != b.headers.size())
        return false;
    for (size_t i = 0; i < a.headers.size(); ++i)
        if (a.headers[i].name != b.headers[i].name || a.headers[i].value != b.headers[i].value) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    // "cuts\0request": how to split the bytes, then the bytes.
    const std::vector<std::string_view> parts = fuzz::parts_of(fuzz::text_of(data, size));
    const std::string_view cuts = parts.size() > 1 ? parts[0] : std::string_view();
    const std::string_view text = parts.size() > 1 ? fuzz::text_of(data, size).substr(cuts.size() + 1) : parts[0];

    const Outcome whole = read(text, {});
    const Outcome pieces = read(text, cuts.empty() ? std::string_view("\x01") : cuts);
    fuzz::expect(whole.progress == pieces.progress);
    if (whole.progress == web::ReadProgress::Refused) {
        fuzz::expect(whole.status == pieces.status);
        fuzz::expect(whole.status >= 400 && whole.status <= 505);
    }
    if (whole.progress != web::ReadProgress::Complete) return 0;
    fuzz::expect(whole.taken == pieces.taken);
    fuzz::expect(same_request(whole.request, pieces.request));
    fuzz::expect(whole.request.body.size() <= small_limits.body_bytes);
    for (const web::HeaderField& field : whole.request.headers) {
        fuzz::expect(field.value.find_first_of("\r\n") == std::string::npos);
        fuzz::expect(field.name.find_first_of(" :\r\n") == std::string::npos);
    }

    web::DecodedBody decoded =
        web::decode_request_body(whole.request.content_coding, whole.request.body, small_limits.body_bytes);
    if (decoded.outcome == web::BodyDecoding::Decoded) fuzz::expect(decoded.bytes.size() <= small_limits.body_bytes);
    return 0;
}
