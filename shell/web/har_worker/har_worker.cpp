// The HAR worker's module: core/har (with pugixml and zlib) built on its
// own, apart from the page, which loads it only when a HAR file is opened or
// a token pasted, and runs it in a Web Worker so a 100 MB file never stalls
// a frame. har_worker_pre.js carries the page's messages to these calls.
#include "core/har/har_job.hpp"
#include "core/har/pasted_token.hpp"

#include <emscripten/emscripten.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <string>

extern "C" void har_worker_emit(const char* bytes, size_t size);   // har_worker_library.js

namespace {

// The sanitised file leaves in pieces of about this size: few enough calls
// into JavaScript, small enough that the module's memory stays near the
// largest entry rather than the file.
constexpr size_t emit_bytes = 1 << 20;

std::unique_ptr<core::HarJob> g_job;
std::string g_out;
std::string g_answer;   // the last text handed to JavaScript; valid until the next call

void emit_pending() {
    if (g_out.empty()) return;
    har_worker_emit(g_out.data(), g_out.size());
    g_out.clear();
}

}  // namespace

extern "C" {

// Starts a file: the 16-byte marker key (random, from the page), the user's
// own texts to remove as a JSON array of strings, and the program's issuer.
EMSCRIPTEN_KEEPALIVE void har_begin(const uint8_t* key, const char* user_texts_json, const char* tenant_issuer) {
    core::HarSanitizerOptions options;
    std::copy(key, key + options.key.bytes.size(), options.key.bytes.begin());
    const nlohmann::json texts = nlohmann::json::parse(user_texts_json, nullptr, false);
    if (texts.is_array())
        for (const auto& text : texts)
            if (text.is_string() && !text.get_ref<const std::string&>().empty()) options.user_texts.push_back(text.get<std::string>());
    g_out.clear();
    g_out.reserve(emit_bytes + (64 << 10));
    g_job = std::make_unique<core::HarJob>(options, tenant_issuer, [](std::string_view bytes) {
        g_out.append(bytes);
        if (g_out.size() >= emit_bytes) emit_pending();
    });
}

// The next bytes of the file; 0 when it stopped being HAR (har_error says where).
EMSCRIPTEN_KEEPALIVE int har_feed(const char* bytes, size_t size) {
    const bool ok = g_job && g_job->feed(std::string_view(bytes, size));
    emit_pending();
    return ok ? 1 : 0;
}

// After the last bytes: the analysis as JSON (core::analysis_json), or null
// when the file was cut off or bad (har_error says where).
EMSCRIPTEN_KEEPALIVE const char* har_finish() {
    if (!g_job || !g_job->finish()) return nullptr;
    emit_pending();
    g_answer = core::analysis_json(g_job->analysis(), g_job->report());
    return g_answer.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* har_error() {
    g_answer = g_job ? g_job->error_text() : "No file was started.";
    return g_answer.c_str();
}

EMSCRIPTEN_KEEPALIVE void har_end() {
    g_job.reset();
    std::string().swap(g_out);
}

// A pasted JWT or SAML message, checked against `now_ms` (the page's clock),
// as core::pasted_token_json.
EMSCRIPTEN_KEEPALIVE const char* token_inspect(const char* text, double now_ms) {
    const core::Instant now{std::chrono::seconds{static_cast<long long>(std::floor(now_ms / 1000.0))}};
    g_answer = core::pasted_token_json(core::read_pasted_token(text, now, nullptr));
    return g_answer.c_str();
}

}  // extern "C"
