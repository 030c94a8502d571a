// Text for an e-mail's header fields (RFC 5322, RFC 2047). A subject holds a
// tenant's name, which may hold anything: no line break may reach the header
// block, and text that is not ASCII goes as UTF-8 "encoded words" of at most
// 75 characters each, split between characters (never inside one) on folded
// lines, so every mail reader puts the same words back together.
#pragma once

#include <string>
#include <string_view>

namespace core {

// `text` on one line (line breaks become spaces); ASCII stays as it is,
// anything else becomes "=?UTF-8?B?...?=" words joined by "\r\n ".
std::string mail_header_text(std::string_view text);

}  // namespace core
