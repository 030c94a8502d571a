// What each kind of file in public/ is sent as. Browsers rely on these:
// WebAssembly streaming compilation insists on application/wasm, and with
// nosniff a script or stylesheet with the wrong type is refused.
#pragma once

#include <string_view>

namespace web {

struct MediaType {
    std::string_view content_type;
    bool compressible = false;  // text and WebAssembly shrink a lot; images and woff2 are already packed
};

// By the file name's extension; unknown ones are application/octet-stream.
MediaType media_type_for(std::string_view file_name);

}  // namespace web
