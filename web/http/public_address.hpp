// Where people reach the portal: --public-url (default: the address it
// listens on). Links in e-mail start with it, the session cookie is Secure
// when it is https, and state-changing requests whose Origin header names
// another site are refused (a second line of defence behind SameSite=Strict
// and the CSRF token; sign-in and invitations have only this one).
#pragma once

#include <httplib.h>

#include <optional>
#include <string>
#include <vector>

namespace web {

struct PublicAddress {
    std::string url;                     // no trailing slash: "https://support.example.com"
    std::vector<std::string> origins;    // Origin values our own pages send

    bool https() const { return url.starts_with("https://"); }
};

// "scheme://host[:port]" of an http or https URL as a browser writes it in
// an Origin header (lowercase, the default port left out); nothing when
// `url` is not such a URL.
std::optional<std::string> origin_of(const std::string& url);

// The public URL and the listening address are both ours (and, listening on
// loopback, the other loopback names of the same port).
PublicAddress public_address(const std::string& public_url, const std::string& listening_url);

// A screen of the portal at `public_url` (a trailing slash or not): `hash`
// is its location, "#/invitation/<token>".
std::string portal_page(const std::string& public_url, const std::string& hash);

bool is_state_changing(const std::string& method);

// True unless the request has an Origin header naming another origin.
bool origin_allowed(const httplib::Request& request, const PublicAddress& address);

}  // namespace web
