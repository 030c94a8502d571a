#include "web/sso/provider_http.hpp"


#include <curl/curl.h>

#include <memory>

namespace web {

namespace {

using Curl = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using HeaderList = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

constexpr size_t largest_answer = 1 << 20;

size_t keep_answer(char* data, size_t size, size_t count, void* user) {
    std::string& kept = *static_cast<std::string*>(user);
    const size_t bytes = size * count;
    if (kept.size() + bytes > largest_answer) return 0;   // libcurl stops with CURLE_WRITE_ERROR
    kept.append(data, bytes);
    return bytes;
}

}  // namespace

std::string provider_url_problem(const std::string& url) {
    if (url.starts_with("https://")) return url.size() > 8 ? "" : "it names no host";
    if (url.starts_with("http://")) {
        const std::string rest = url.substr(7);
        for (const char* loopback : {"127.0.0.1", "localhost", "[::1]"}) {
            const std::string host = loopback;
            if (rest.starts_with(host) && (rest.size() == host.size() || rest[host.size()] == ':' || rest[host.size()] == '/'))
                return "";
        }
        return "it must be https:// (plain http is allowed only on this machine's loopback address)";
    }
    return "it is not an https:// URL";
}

ProviderAnswer call_provider(const std::string& url, const std::vector<std::pair<std::string, std::string>>& headers,
                             const std::optional<std::string>& form) {
    if (std::string problem = provider_url_problem(url); !problem.empty()) return {std::nullopt, {}, url + ": " + problem};
    Curl curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) return {std::nullopt, {}, "cannot start libcurl"};
    HeaderList list(nullptr, &curl_slist_free_all);
    std::vector<std::pair<std::string, std::string>> all = headers;
    all.emplace_back("Accept", "application/json");
    if (form) all.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    for (const auto& [name, value] : all) {
        curl_slist* longer = curl_slist_append(list.get(), (name + ": " + value).c_str());
        if (!longer) return {std::nullopt, {}, "out of memory"};
        list.release();
        list.reset(longer);
    }
    ProviderAnswer answer;
    char detail[CURL_ERROR_SIZE] = "";
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    if (form) {
        curl_easy_setopt(c, CURLOPT_POST, 1L);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, form->data());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(form->size()));
    }
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, list.get());
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep_answer);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer.body);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 5L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 10L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, detail);
    const CURLcode result = curl_easy_perform(c);
    if (result != CURLE_OK) {
        answer.error = result == CURLE_WRITE_ERROR ? "its answer is larger than 1 MiB"
                                                   : (detail[0] ? detail : curl_easy_strerror(result));
        answer.body.clear();
        return answer;
    }
    long code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    answer.status = int(code);
    return answer;
}

}  // namespace web
