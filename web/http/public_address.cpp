#include "web/http/public_address.hpp"
#include "core/text/ascii_text.hpp"

#include <algorithm>

namespace web {

std::optional<std::string> origin_of(const std::string& url) {
    std::string lower = core::ascii_lowercase(url);
    std::string scheme = lower.starts_with("https://") ? "https://" : lower.starts_with("http://") ? "http://" : "";
    if (scheme.empty()) return std::nullopt;
    std::string authority = lower.substr(scheme.size());
    authority = authority.substr(0, authority.find_first_of("/?#"));
    if (authority.empty() || authority.find('@') != std::string::npos) return std::nullopt;
    std::string default_port = scheme == "https://" ? ":443" : ":80";
    if (authority.ends_with(default_port)) authority.resize(authority.size() - default_port.size());
    return scheme + authority;
}

PublicAddress public_address(const std::string& public_url, const std::string& listening_url) {
    PublicAddress address;
    address.url = public_url;
    while (address.url.ends_with('/')) address.url.pop_back();
    for (const std::string& url : {public_url, listening_url})
        if (std::optional<std::string> origin = origin_of(url)) address.origins.push_back(*origin);
    // Listening on loopback, the page may have been opened as localhost or
    // 127.0.0.1 or [::1]: all name this very port on this machine, which no
    // other site can be.
    for (const char* loopback : {"http://127.0.0.1:", "http://localhost:", "http://[::1]:"}) {
        std::optional<std::string> listening = origin_of(listening_url);
        if (!listening || !listening->starts_with(loopback)) continue;
        std::string port = listening->substr(std::string_view(loopback).size());
        for (const char* name : {"http://127.0.0.1:", "http://localhost:", "http://[::1]:"}) address.origins.push_back(name + port);
    }
    return address;
}

bool is_state_changing(const std::string& method) {
    return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

bool origin_allowed(const httplib::Request& request, const PublicAddress& address) {
    if (!request.has_header("Origin")) return true;   // not sent by browsers for same-origin GETs, nor by other clients
    std::string origin = request.get_header_value("Origin");
    std::optional<std::string> normalized = origin_of(origin);
    return normalized && std::find(address.origins.begin(), address.origins.end(), *normalized) != address.origins.end();
}

std::string portal_page(const std::string& public_url, const std::string& hash) {
    std::string base = public_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base + "/" + hash;
}

}  // namespace web
