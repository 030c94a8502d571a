// HAR sanitiser benchmark, native: writes a deterministic HAR file of about
// the size asked for (JSON API calls, redirects with cookies and tokens,
// form_post pages, base64 images and script bodies), then reads it back a
// mebibyte at a time through core::HarSanitizer, as the CLI and the worker
// do, and prints one JSON line: bytes, seconds (median of the runs), MB/s,
// redactions, peak resident memory.
//
//   har-bench --generate FILE [--megabytes N]
//   har-bench --sanitize FILE [--runs N]
#include "core/har/har_sanitizer.hpp"
#include "core/text/base64url.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

// A small, fixed pseudo-random sequence: the same file on every machine.
struct Random {
    uint64_t state = 0x9E3779B97F4A7C15ULL;
    uint64_t next() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }
    std::string token(size_t length) {
        static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        std::string out;
        for (size_t i = 0; i < length; i++) out += letters[next() % 64];
        return out;
    }
};

std::string json_quoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::string header(const std::string& name, const std::string& value) {
    return "{\"name\":" + json_quoted(name) + ",\"value\":" + json_quoted(value) + "}";
}

std::string entry(Random& random, size_t index) {
    const std::string jwt = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0." + core::base64url_encode("{\"sub\":\"user-" + std::to_string(index) +
                                                                                             "\",\"iss\":\"https://acme.example.com/\"}") +
                            "." + random.token(342);
    const std::string cookie = "sid=" + random.token(40) + "; _ga=GA1.2." + std::to_string(random.next() % 1000000) + "; csrf=" + random.token(24);
    std::string request_headers = header(":authority", "acme.example.com") + "," + header("cookie", cookie) + "," +
                                  header("user-agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36") +
                                  "," + header("accept", "application/json, text/plain, */*") + "," +
                                  header("authorization", "Bearer " + jwt);
    std::string url, status = "200", response_headers = header("content-type", "application/json"), mime = "application/json", text,
                                      encoding;
    switch (index % 5) {
    case 0: {   // a JSON API call
        url = "https://api.acme.example.com/v2/orders?page=" + std::to_string(index) + "&access_token=" + random.token(32);
        text = "{\"items\":[";
        for (int i = 0; i < 40; i++)
            text += std::string(i ? "," : "") + "{\"id\":" + std::to_string(random.next() % 100000) + ",\"name\":\"Item " + random.token(12) +
                    "\",\"price\":" + std::to_string(random.next() % 10000) + ".99,\"session_token\":\"" + random.token(20) + "\"}";
        text += "],\"next\":\"/v2/orders?cursor=" + random.token(16) + "\"}";
        break;
    }
    case 1: {   // a redirect carrying a code and tokens
        url = "https://acme.example.com/authorize?client_id=app1&response_type=code&state=" + random.token(22) +
              "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback";
        status = "302";
        response_headers += "," + header("location", "https://app.example.com/callback?code=" + random.token(30) + "&state=" + random.token(22)) +
                            "," + header("set-cookie", "auth0=" + random.token(60) + "; Path=/; Secure; HttpOnly; SameSite=None");
        mime = "text/html";
        break;
    }
    case 2: {   // a form_post page
        url = "https://acme.example.com/login/callback";
        mime = "text/html; charset=utf-8";
        text = "<html><head><title>Submit</title></head><body onload=\"document.forms[0].submit()\"><form method=\"post\" "
               "action=\"https://app.example.com/callback\"><input type=\"hidden\" name=\"id_token\" value=\"" + jwt +
               "\"/><input type=\"hidden\" name=\"state\" value=\"" + random.token(22) + "\"/></form>" + std::string(2000, ' ') +
               "</body></html>";
        break;
    }
    case 3: {   // an image, base64 (most of a real HAR's bytes)
        url = "https://cdn.acme.example.com/img/banner-" + std::to_string(index) + ".png";
        mime = "image/png";
        encoding = "base64";
        std::string bytes = "\x89PNG\r\n\x1A\n";
        bytes += std::string("\0\0\0\rIHDR", 8);
        while (bytes.size() < 60000) {
            const uint64_t value = random.next();
            bytes.append(reinterpret_cast<const char*>(&value), sizeof value);
        }
        text = core::base64_encode(bytes);
        break;
    }
    default: {   // a script
        url = "https://cdn.acme.example.com/js/app." + random.token(8) + ".js";
        mime = "application/javascript";
        for (int i = 0; i < 300; i++) text += "function f" + std::to_string(i) + "(a,b){return a.map(x=>x*b).filter(Boolean).join(\"" + random.token(8) + "\")}\n";
        break;
    }
    }
    std::string content = "{\"size\":" + std::to_string(text.size()) + ",\"mimeType\":" + json_quoted(mime);
    if (!text.empty()) content += ",\"text\":" + json_quoted(text);
    if (!encoding.empty()) content += ",\"encoding\":" + json_quoted(encoding);
    content += "}";
    return "{\"startedDateTime\":\"2026-12-07T10:00:00.000Z\",\"time\":" + std::to_string(random.next() % 3000) + "." +
           std::to_string(random.next() % 100) + ",\"request\":{\"method\":\"GET\",\"url\":" + json_quoted(url) +
           ",\"httpVersion\":\"h2\",\"headers\":[" + request_headers + "],\"queryString\":[],\"cookies\":[],\"headersSize\":-1,\"bodySize\":0}"
           ",\"response\":{\"status\":" + status + ",\"statusText\":\"\",\"httpVersion\":\"h2\",\"headers\":[" + response_headers +
           "],\"cookies\":[],\"content\":" + content + ",\"redirectURL\":\"\",\"headersSize\":-1,\"bodySize\":-1}"
           ",\"cache\":{},\"timings\":{\"blocked\":1.2,\"dns\":-1,\"connect\":-1,\"send\":0.1,\"wait\":80.5,\"receive\":2.3,\"ssl\":-1}}";
}

int generate(const std::string& path, size_t megabytes) {
    std::ofstream out(path, std::ios::binary);
    if (!out) {
        std::fprintf(stderr, "har-bench: cannot write %s\n", path.c_str());
        return 1;
    }
    Random random;
    const size_t target = megabytes * 1000 * 1000;
    std::string head = "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"WebInspector\",\"version\":\"537.36\"},\"pages\":[],\"entries\":[\n";
    out << head;
    size_t written = head.size(), entries = 0;
    while (written < target) {
        const std::string e = (entries ? ",\n" : "") + entry(random, entries);
        out << e;
        written += e.size();
        entries++;
    }
    out << "\n]}}\n";
    std::printf("{\"file\":\"%s\",\"bytes\":%zu,\"entries\":%zu}\n", path.c_str(), written + 5, entries);
    return 0;
}

long peak_kib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

int sanitize(const std::string& path, int runs) {
    std::vector<double> seconds;
    uint64_t bytes = 0, out_bytes = 0;
    size_t redactions = 0, entries = 0;
    const long before = peak_kib();
    std::string chunk(1 << 20, '\0');
    for (int run = 0; run < runs; run++) {
        std::ifstream in(path, std::ios::binary);
        core::HarSanitizerOptions options;
        options.key.bytes.fill(7);
        out_bytes = 0;
        core::HarSanitizer sanitizer(options, [&](std::string_view written) { out_bytes += written.size(); });
        const auto start = std::chrono::steady_clock::now();
        bool ok = true;
        while (ok) {
            in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
            if (in.gcount() <= 0) break;
            ok = sanitizer.feed(std::string_view(chunk).substr(0, static_cast<size_t>(in.gcount())));
        }
        ok = ok && sanitizer.finish();
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        if (!ok) {
            std::fprintf(stderr, "har-bench: %s: %s\n", sanitizer.error().path.c_str(), sanitizer.error().message.c_str());
            return 1;
        }
        bytes = sanitizer.bytes_read();
        redactions = sanitizer.report().total();
        entries = sanitizer.entry_count();
    }
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds[seconds.size() / 2];
    std::printf("{\"bytes\":%llu,\"output_bytes\":%llu,\"entries\":%zu,\"redactions\":%zu,\"seconds\":%.4f,\"mb_per_s\":%.1f,"
                "\"peak_kib\":%ld,\"peak_kib_before\":%ld}\n",
                static_cast<unsigned long long>(bytes), static_cast<unsigned long long>(out_bytes), entries, redactions, median,
                bytes / median / 1e6, peak_kib(), before);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string generate_path, sanitize_path;
    size_t megabytes = 100;
    int runs = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i], value = argv[i + 1];
        if (option == "--generate") generate_path = value;
        else if (option == "--sanitize") sanitize_path = value;
        else if (option == "--megabytes") megabytes = std::stoul(value);
        else if (option == "--runs") runs = std::stoi(value);
    }
    if (!generate_path.empty()) return generate(generate_path, megabytes);
    if (!sanitize_path.empty()) return sanitize(sanitize_path, runs);
    std::fprintf(stderr, "usage: har-bench --generate FILE [--megabytes N] | --sanitize FILE [--runs N]\n");
    return 2;
}
