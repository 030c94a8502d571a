// Which names mark a secret: query, fragment and form parameters, JSON
// members and headers. One table for every place a HAR file holds a name, so
// `access_token` is a secret in a redirect's fragment, a form post and a
// token response alike. Names are compared without regard to ASCII case.
#pragma once

#include <string_view>

namespace core {

// Query, fragment, form field and JSON member names: `code`, `state`,
// `id_token`, `client_secret`, `password`, ... and any name holding a word
// such as token, secret, password, session or csrf.
bool is_secret_parameter_name(std::string_view name);
// Header names whose whole value is a credential: API keys, CSRF tokens,
// session headers. Cookie, Set-Cookie and Authorization have their own rules.
bool is_secret_header_name(std::string_view name);
// Parameters that carry a SAML message or a WS-Federation result.
bool is_saml_parameter_name(std::string_view name);
// Member names whose number (not only string) value is a secret: a PIN or an
// one-time code sent as a JSON number.
bool is_secret_number_name(std::string_view name);

}  // namespace core
