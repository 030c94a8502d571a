#include "web/accounts/qr_code.hpp"

#include <qrencode.h>

#include <memory>

namespace web {

std::optional<QrModules> qr_modules(const std::string& text) {
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code) return std::nullopt;
    QrModules qr;
    qr.size = code->width;
    qr.modules.reserve(size_t(code->width) * code->width);
    // Bit 0 of each byte is the module's colour; the other bits say what the module is for.
    for (int i = 0; i < code->width * code->width; i++) qr.modules += (code->data[i] & 1) ? '1' : '0';
    return qr;
}

}  // namespace web
