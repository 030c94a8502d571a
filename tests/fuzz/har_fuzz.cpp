// Any bytes as a HAR file for core::HarSanitizer, fed in chunks whose sizes
// the input's first byte picks: no crash; the same verdict and the same
// output whatever the chunk size; accepted output is JSON with as many
// entries as the sanitiser counted; and sanitising the output again (under
// another key) changes nothing, since markers are never redacted again.
#include "fuzz_input.hpp"

#include "core/har/har_sanitizer.hpp"

#include <nlohmann/json.hpp>

namespace {

core::HarSanitizerOptions options_with_key(uint8_t seed) {
    core::HarSanitizerOptions options;
    options.key.bytes.fill(seed);
    options.user_texts = {"hunter2"};
    return options;
}

core::SanitizedHar sanitized_in_chunks(std::string_view text, size_t chunk, uint8_t seed) {
    const core::HarSanitizerOptions options = options_with_key(seed);
    core::SanitizedHar result;
    core::HarSanitizer sanitizer(options, [&](std::string_view bytes) { result.text.append(bytes); });
    result.ok = true;
    for (size_t at = 0; at < text.size() && result.ok; at += chunk) result.ok = sanitizer.feed(text.substr(at, chunk));
    result.ok = result.ok && sanitizer.finish();
    result.entries = sanitizer.entry_count();
    result.error = sanitizer.error();
    return result;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const size_t chunk = 1 + data[0] % 17;
    const std::string_view text = fuzz::text_of(data + 1, size - 1);
    const core::SanitizedHar whole = core::sanitize_har(text, options_with_key(0));
    const core::SanitizedHar chunked = sanitized_in_chunks(text, chunk, 0);
    fuzz::expect(whole.ok == chunked.ok);
    if (!whole.ok) {
        fuzz::expect(!whole.error.message.empty() && whole.error.offset <= text.size());
        return 0;
    }
    fuzz::expect(whole.text == chunked.text);
    const auto parsed = nlohmann::json::parse(whole.text, nullptr, false);
    fuzz::expect(!parsed.is_discarded());
    fuzz::expect(parsed.is_object() && parsed.contains("log") && parsed["log"].contains("entries"));
    fuzz::expect(whole.text.find("hunter2") == std::string::npos);
    const core::SanitizedHar again = sanitized_in_chunks(whole.text, chunk, 99);
    fuzz::expect(again.ok && again.text == chunked.text && again.entries == whole.entries);
    return 0;
}
