// The session cookie: portal_session=<token>; HttpOnly (scripts cannot read
// it), SameSite=Strict (other sites' pages cannot make the browser send it),
// Path=/, and Secure when the portal is served over https. No Max-Age: the
// browser forgets it when it closes; the service ends it sooner (sessions).
#pragma once

#include <httplib.h>

#include <optional>
#include <string>
#include <string_view>

namespace web {

inline constexpr std::string_view session_cookie_name = "portal_session";
// Readable by the page, holds no secret: "a session may exist".
inline constexpr std::string_view session_hint_cookie_name = "portal_signed_in";

// A sign-in through a company's identity provider (company_sign_in_routes):
// which browser started it, for the ten minutes it may take.
inline constexpr std::string_view company_sign_in_cookie_name = "portal_sso";

// The value of cookie `name` from the request's Cookie headers, if it sent one.
std::optional<std::string> cookie_value(const httplib::Request& request, std::string_view name);
// The token from the request's Cookie headers, if it sent one.
std::optional<std::string> session_token_of(const httplib::Request& request);

void set_session_cookie(httplib::Response& response, std::string_view token, bool secure);
void clear_session_cookie(httplib::Response& response, bool secure);
void set_company_sign_in_cookie(httplib::Response& response, std::string_view token, bool secure);
void clear_company_sign_in_cookie(httplib::Response& response, bool secure);

}  // namespace web
