#include "web/webhooks/webhook_post.hpp"

#include <curl/curl.h>

#include <memory>

namespace web {

namespace {

using Curl = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using HeaderList = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

// The receiver's answer body is not ours to keep: a few words of it go into the error.
size_t keep_start(char* data, size_t size, size_t count, void* user) {
    std::string& kept = *static_cast<std::string*>(user);
    const size_t bytes = size * count;
    if (kept.size() < 200) kept.append(data, std::min(bytes, 200 - kept.size()));
    return bytes;
}

std::string printable(const std::string& text) {
    std::string out;
    for (unsigned char c : text) out += c < 0x20 || c == 0x7f ? ' ' : char(c);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace

WebhookAnswer post_webhook(const std::string& url, const std::vector<std::pair<std::string, std::string>>& headers,
                           const std::string& body) {
    Curl curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) return {std::nullopt, "cannot start libcurl"};
    HeaderList list(nullptr, &curl_slist_free_all);
    for (const auto& [name, value] : headers) {
        // "Name:" with nothing after it stops libcurl sending a header of its own (Expect).
        curl_slist* longer = curl_slist_append(list.get(), (value.empty() ? name + ":" : name + ": " + value).c_str());
        if (!longer) return {std::nullopt, "out of memory"};
        list.release();
        list.reset(longer);
    }
    std::string answer;
    char detail[CURL_ERROR_SIZE] = "";

    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, list.get());
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep_start);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 5L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 10L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);   // a background thread: no SIGALRM for name lookups
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, detail);

    const CURLcode result = curl_easy_perform(c);
    if (result != CURLE_OK) return {std::nullopt, detail[0] ? detail : curl_easy_strerror(result)};
    long code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    if (code >= 200 && code < 300) return {int(code), {}};
    std::string error = "answered " + std::to_string(code);
    if (std::string start = printable(answer); !start.empty()) error += ": " + start;
    return {int(code), error};
}

}  // namespace web
