// What a file attached to a ticket is, told from its bytes alone: the name
// and the Content-Type a browser sends are the sender's word, and a page
// that serves what it was told is how a "screenshot" becomes a script. A
// screenshot is PNG, JPEG or WebP by its signature; a HAR file is JSON text
// (then read whole by the HAR reader); a log is UTF-8 text that is not a
// page. Anything else is refused with what may be attached instead.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace core {

enum class AttachmentKind { Har, Png, Jpeg, Webp, Log };

std::string_view to_string(AttachmentKind kind);     // "har", "png", "jpeg", "webp", "log"
std::string_view media_type_of(AttachmentKind kind); // the type it is served as

struct AttachmentSniff {
    std::optional<AttachmentKind> kind;
    std::string problem;   // when !kind: what is wrong and what to attach instead
};

AttachmentSniff sniff_attachment(std::string_view bytes);

// A file name fit to show and to offer for download: the last part of a
// path, without control characters, at most 200 bytes of UTF-8; a name of
// the kind's own ("attachment.har") when nothing is left.
std::string attachment_file_name(std::string_view given, AttachmentKind kind);

}  // namespace core
