#include "web/accounts/session_cookie.hpp"

#include "web/http/http_whitespace.hpp"

namespace web {

namespace {

std::string attributes(bool secure) { return std::string("; HttpOnly; SameSite=Strict; Path=/") + (secure ? "; Secure" : ""); }

}  // namespace

std::optional<std::string> cookie_value(const httplib::Request& request, std::string_view name) {
    // "Cookie: a=1; portal_session=xyz" (RFC 6265 section 5.4); browsers send
    // one header, but nothing forbids several.
    size_t count = request.get_header_value_count("Cookie");
    for (size_t i = 0; i < count; i++) {
        std::string value_of_header = request.get_header_value("Cookie", i);
        std::string_view header = value_of_header;
        while (!header.empty()) {
            size_t end = header.find(';');
            std::string_view pair = trim_optional_whitespace(header.substr(0, end));
            header = end == std::string_view::npos ? std::string_view() : header.substr(end + 1);
            size_t equals = pair.find('=');
            if (equals == std::string_view::npos || trim_optional_whitespace(pair.substr(0, equals)) != name) continue;
            std::string_view value = trim_optional_whitespace(pair.substr(equals + 1));
            if (!value.empty()) return std::string(value);
        }
    }
    return std::nullopt;
}

std::optional<std::string> session_token_of(const httplib::Request& request) {
    return cookie_value(request, session_cookie_name);
}

// Lax, not Strict: the browser comes back from the identity provider's site,
// and a Strict cookie would not be sent with that navigation.
static std::string company_sign_in_attributes(bool secure) {
    return std::string("; HttpOnly; SameSite=Lax; Path=/api/v1/sso/") + (secure ? "; Secure" : "");
}

void set_company_sign_in_cookie(httplib::Response& response, std::string_view token, bool secure) {
    response.set_header("Set-Cookie", std::string(company_sign_in_cookie_name) + "=" + std::string(token) +
                                          company_sign_in_attributes(secure) + "; Max-Age=600");
}

void clear_company_sign_in_cookie(httplib::Response& response, bool secure) {
    response.set_header("Set-Cookie", std::string(company_sign_in_cookie_name) + "=" + company_sign_in_attributes(secure) +
                                          "; Max-Age=0");
}

// Besides the HttpOnly session cookie, a readable hint without any secret:
// the page asks "who is signed in?" only when the hint says someone may be,
// so a signed-out visit makes no 401 request (and no console error).
static std::string hint_attributes(bool secure) { return std::string("; SameSite=Strict; Path=/") + (secure ? "; Secure" : ""); }

void set_session_cookie(httplib::Response& response, std::string_view token, bool secure) {
    response.set_header("Set-Cookie", std::string(session_cookie_name) + "=" + std::string(token) + attributes(secure));
    response.set_header("Set-Cookie", std::string(session_hint_cookie_name) + "=1" + hint_attributes(secure));
}

void clear_session_cookie(httplib::Response& response, bool secure) {
    response.set_header("Set-Cookie", std::string(session_cookie_name) + "=" + attributes(secure) + "; Max-Age=0");
    response.set_header("Set-Cookie", std::string(session_hint_cookie_name) + "=" + hint_attributes(secure) + "; Max-Age=0");
}

}  // namespace web
