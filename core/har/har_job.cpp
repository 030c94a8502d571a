#include "core/har/har_job.hpp"

namespace core {

HarJob::HarJob(const HarSanitizerOptions& options, std::string tenant_issuer, HarSanitizer::Sink sink)
    : analyzer_(std::move(tenant_issuer)), sanitizer_(options, std::move(sink)) {
    // The analysis reads the sanitised entries: nothing it shows is secret.
    sanitizer_.observe_entries([this](size_t index, std::string_view entry, const JsonTape& tape) { analyzer_.add_entry(index, entry, tape); });
}

bool HarJob::finish() {
    if (!sanitizer_.finish()) return false;
    analysis_ = analyzer_.finish(sanitizer_.report());
    return true;
}

std::string HarJob::error_text() const {
    const JsonTapeError& error = sanitizer_.error();
    return (error.path.empty() ? std::string("the file") : error.path) + " (byte " + std::to_string(error.offset) + "): " + error.message;
}

}  // namespace core
