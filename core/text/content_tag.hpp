// A strong entity tag of some bytes: "<fnv-1a 64 hex>-<length hex>". The
// service tags what it serves with it, and the portal tags its compiled-in
// program the same way, so it can ask for the service's program only if it
// differs (If-None-Match) and skip those bytes on the way to the first frame.
#pragma once

#include <string>
#include <string_view>

namespace core {

// A change detector, not a defence against an attacker: the bytes are ours.
std::string content_tag(std::string_view bytes);

}  // namespace core
