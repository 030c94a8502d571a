#include "web/accounts/secret_token.hpp"

#include "core/text/base64url.hpp"

#include <sodium.h>

#include <vector>

namespace web {

bool start_secrets() { return sodium_init() >= 0; }

std::string new_secret_token() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return core::base64url_encode(std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

std::string token_digest(std::string_view token) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

bool same_secret(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;   // lengths are not secret: every token has the same one
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string random_hex(size_t bytes) {
    std::vector<unsigned char> random(bytes);
    randombytes_buf(random.data(), random.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), random.data(), random.size());
    hex.pop_back();
    return hex;
}

}  // namespace web
