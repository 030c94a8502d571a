// Request and response bodies, read by what they are rather than searched
// as text: a form body as fields, JSON as members (at any depth), HTML as
// its <form> and <input> tags (a form_post answer carries id_token, code and
// SAMLResponse there), multipart as parts; anything else only loses the
// signature of a JWT in it. Base64 bodies are decoded first unless they are
// images, fonts or other binary files, which hold no text to redact.
#pragma once

#include "core/har/redactor.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace core {

// `text` is a body of media type `mime_type` (parameters included, may be
// empty: the body's own shape then decides). nullopt when nothing changed.
std::optional<std::string> redact_body(Redactor& redactor, std::string_view text, std::string_view mime_type);

// A base64 body: decoded, redacted as above, encoded again.
std::optional<std::string> redact_base64_body(Redactor& redactor, std::string_view base64, std::string_view mime_type);

// JSON text with its secret members' values replaced; nullopt when nothing
// changed or `text` is not JSON.
std::optional<std::string> redact_json_text(Redactor& redactor, std::string_view text);

// One JSON string value under member `name` (empty in a list): the rule that
// JSON bodies and HAR members other than the known ones share.
std::optional<std::string> redact_json_string(Redactor& redactor, std::string_view name, std::string_view value);

// The first bytes say an image, font, archive, audio or video file, or the
// bytes hold a NUL: nothing to read as text.
bool looks_binary(std::string_view bytes);

}  // namespace core
