// The URL rule: a URL keeps its scheme, host, port, path and parameter
// names; loses a password in user:password@; and loses the value of each
// sensitive parameter in its query and its fragment (an implicit flow's
// tokens arrive in the fragment of a Location). A parameter that is itself a
// URL (redirect_uri, RelayState, return_to) is read by the same rule; a JWT
// anywhere keeps its claims and loses its signature.
#pragma once

#include "core/har/redactor.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace core {

// nullopt when nothing in `url` is secret. Absolute and relative URLs
// (HTTP/2's :path) alike.
std::optional<std::string> redact_url(Redactor& redactor, std::string_view url);

// `name=value&...` (a query string, a fragment, a form body): each sensitive
// value replaced by a marker of its decoded text, so the same code gets the
// same marker in a URL and in queryString[]. nullopt when nothing changed.
std::optional<std::string> redact_fields(Redactor& redactor, std::string_view fields, RedactionKind kind);

// One parameter's value as a HAR lists it apart (queryString[], postData.params[]):
// `value` is the text as it stands there; the result is what should stand instead.
std::optional<std::string> redact_field_value(Redactor& redactor, RedactionKind kind, std::string_view name, std::string_view value,
                                              bool escaped);

// `text` starts like an absolute URL: a scheme of letters, then "://".
bool looks_like_url(std::string_view text);

}  // namespace core
