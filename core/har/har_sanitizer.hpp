// A HAR file made safe to send: read as a stream (har_stream.hpp), each
// entry and page read as JSON, and each string in it given the rule for
// where it stands (headers, cookies, URLs, query and form parameters,
// bodies by media type, WebSocket frames); every other byte is copied as it
// was, so the output is the same HAR, importable, with the secrets replaced
// by markers (secret_marker.hpp). The report lists every redaction and every
// token found, for the user to review before anything leaves the page.
#pragma once

#include "core/har/har_stream.hpp"
#include "core/har/redactor.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct HarSanitizerOptions {
    SecretKey key;                        // random per file: see secret_marker.hpp
    std::vector<std::string> user_texts;  // the user's own additions, replaced wherever they appear
};

class HarSanitizer final : public HarStreamHandler {
public:
    using Sink = std::function<void(std::string_view)>;
    // Called with each entry as it leaves (and its JSON read), for the analysis.
    using EntryObserver = std::function<void(size_t index, std::string_view entry, const JsonTape& tape)>;

    HarSanitizer(const HarSanitizerOptions& options, Sink sink);

    bool feed(std::string_view chunk) { return reader_.feed(chunk); }
    bool finish() { return reader_.finish(); }
    void observe_entries(EntryObserver observer) { observer_ = std::move(observer); }

    const JsonTapeError& error() const { return reader_.error(); }
    const RedactionReport& report() const { return redactor_.report(); }
    size_t entry_count() const { return reader_.entry_count(); }
    uint64_t bytes_read() const { return reader_.bytes_read(); }

    void verbatim(std::string_view bytes) override { sink_(bytes); }
    bool part(const HarPart& part, JsonTapeError& error) override;

private:
    std::optional<std::string> redacted_string(const HarPart& part, std::string_view text, uint32_t node, const std::string& value);
    std::string where(const HarPart& part, std::string_view text, uint32_t node) const;

    HarStreamReader reader_{*this};
    Redactor redactor_;
    Sink sink_;
    EntryObserver observer_;
    JsonTape tape_;                       // the part being sanitised
    std::vector<uint32_t> position_;      // each node's index in its list, for paths
    std::string out_;
};

struct SanitizedHar {
    bool ok = false;
    std::string text;        // the sanitised file
    JsonTapeError error;     // when !ok
    RedactionReport report;
    size_t entries = 0;
};

// A whole file in memory at once: tests, the service, small files.
SanitizedHar sanitize_har(std::string_view text, const HarSanitizerOptions& options);

}  // namespace core
