// The service's requests to an identity provider (discovery, keys, token
// endpoint) through libcurl: https, or http only to a loopback address (a
// provider on the same machine, as in tests); no redirects (the metadata
// names every endpoint); 10 seconds at most; an answer of at most 1 MiB.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace web {

struct ProviderAnswer {
    std::optional<int> status;   // none when it never answered
    std::string body;            // up to 1 MiB
    std::string error;           // empty when it answered at all

    bool answered() const { return status.has_value(); }
};

// Empty when `url` is one the service may call: https://..., or http:// to
// 127.0.0.1, [::1] or localhost. Otherwise why not, in words.
std::string provider_url_problem(const std::string& url);

// GET, or POST with a form body when `form` is set.
ProviderAnswer call_provider(const std::string& url, const std::vector<std::pair<std::string, std::string>>& headers,
                             const std::optional<std::string>& form = std::nullopt);

}  // namespace web
