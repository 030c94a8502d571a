// One HAR file through the sanitiser and the analysis together, fed in
// chunks of any size: what `portal-cli har` and the browser's HAR worker
// both run, so the command line and the page say the same about a file.
#pragma once

#include "core/har/har_analysis.hpp"
#include "core/har/har_sanitizer.hpp"

#include <string>
#include <string_view>

namespace core {

class HarJob {
public:
    // `sink` receives the sanitised file as it is written; `tenant_issuer`
    // is the program's, to tell a tenant from a host (HarAnalyzer).
    HarJob(const HarSanitizerOptions& options, std::string tenant_issuer, HarSanitizer::Sink sink);
    HarJob(const HarJob&) = delete;
    HarJob& operator=(const HarJob&) = delete;

    bool feed(std::string_view chunk) { return sanitizer_.feed(chunk); }
    // After the last chunk: false when the file was cut or bad; else analysis() holds the result.
    bool finish();

    // Where the file stopped being HAR, and why: "log.entries[2].response (byte 1234): ..."
    std::string error_text() const;
    const HarAnalysis& analysis() const { return analysis_; }
    const RedactionReport& report() const { return sanitizer_.report(); }
    size_t entry_count() const { return sanitizer_.entry_count(); }
    uint64_t bytes_read() const { return sanitizer_.bytes_read(); }

private:
    HarAnalyzer analyzer_;
    HarSanitizer sanitizer_;
    HarAnalysis analysis_;
};

}  // namespace core
