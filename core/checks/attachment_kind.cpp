#include "core/checks/attachment_kind.hpp"

#include "core/text/ascii_text.hpp"
#include "core/text/utf8_text.hpp"

namespace core {

std::string_view to_string(AttachmentKind kind) {
    switch (kind) {
    case AttachmentKind::Har: return "har";
    case AttachmentKind::Png: return "png";
    case AttachmentKind::Jpeg: return "jpeg";
    case AttachmentKind::Webp: return "webp";
    case AttachmentKind::Log: return "log";
    }
    return "log";
}

std::string_view media_type_of(AttachmentKind kind) {
    switch (kind) {
    case AttachmentKind::Har: return "application/json";
    case AttachmentKind::Png: return "image/png";
    case AttachmentKind::Jpeg: return "image/jpeg";
    case AttachmentKind::Webp: return "image/webp";
    case AttachmentKind::Log: return "text/plain; charset=utf-8";
    }
    return "application/octet-stream";
}

AttachmentSniff sniff_attachment(std::string_view bytes) {
    if (bytes.empty()) return {std::nullopt, "The file is empty."};
    if (bytes.starts_with("\x89PNG\r\n\x1A\n")) return {AttachmentKind::Png, {}};
    if (bytes.starts_with("\xFF\xD8\xFF")) return {AttachmentKind::Jpeg, {}};
    if (bytes.size() >= 12 && bytes.substr(0, 4) == "RIFF" && bytes.substr(8, 4) == "WEBP") return {AttachmentKind::Webp, {}};
    const bool text = valid_utf8_prefix(bytes) == bytes.size() && bytes.find('\0') == std::string_view::npos;
    if (!text)
        return {std::nullopt,
                "Attach a screenshot (PNG, JPEG or WebP), a log file (plain text) or a HAR file; this file is none of them."};
    std::string_view start = bytes.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : bytes;
    start = trim_spaces(start.substr(0, 1024));
    if (start.starts_with('{')) return {AttachmentKind::Har, {}};
    if (start.starts_with('<'))
        return {std::nullopt, "Pages and XML files are not attached as they are: take a screenshot, or save the text as a .txt file."};
    return {AttachmentKind::Log, {}};
}

std::string attachment_file_name(std::string_view given, AttachmentKind kind) {
    const size_t slash = given.find_last_of("/\\");
    if (slash != std::string_view::npos) given.remove_prefix(slash + 1);
    std::string name;
    for (const char c : given)
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) name += c;
    std::string_view kept = trim_spaces(name);
    // At most 200 bytes, cut where a character begins.
    if (kept.size() > 200) kept = kept.substr(0, valid_utf8_prefix(kept.substr(0, 200)));
    std::string out(kept);
    if (valid_utf8_prefix(out) != out.size()) out.clear();   // not UTF-8: the name says nothing readable
    if (out.empty() || out == "." || out == "..") out = "attachment." + std::string(kind == AttachmentKind::Log ? "txt" : to_string(kind));
    return out;
}

}  // namespace core
