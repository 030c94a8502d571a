// What the module carries in its data instead of a virtual file system:
// cmake/embed_bytes.cmake writes each as a generated source at build time.
#pragma once

#include <span>

namespace shell {

std::span<const unsigned char> inter_regular_face();    // Inter Regular, subset (browser.cmake)
std::span<const unsigned char> inter_semibold_face();   // Inter SemiBold, subset
std::span<const unsigned char> zone_names_text();       // one IANA zone name per line

}  // namespace shell
