// A QR code's modules for the portal to draw (it has no image decoder to
// spare): encoded by Debian's libqrencode, sent as rows of '1' (dark) and
// '0' (light), without the quiet zone the drawing adds.
#pragma once

#include <optional>
#include <string>

namespace web {

struct QrModules {
    int size = 0;               // modules per side
    std::string modules;        // size * size characters, row by row
};

// Medium error correction; nothing when the text does not fit a QR code.
std::optional<QrModules> qr_modules(const std::string& text);

}  // namespace web
