#include "core/har/secret_marker.hpp"

#include "core/text/base64url.hpp"

namespace core {

namespace {

constexpr uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

uint64_t read_le64(const unsigned char* p, size_t n = 8) {
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) v |= static_cast<uint64_t>(p[i]) << (8 * i);
    return v;
}

struct SipState {
    uint64_t v0, v1, v2, v3;
    void round() {
        v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32);
        v2 += v3; v3 = rotl(v3, 16); v3 ^= v2;
        v0 += v3; v3 = rotl(v3, 21); v3 ^= v0;
        v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32);
    }
    void absorb(uint64_t m) {
        v3 ^= m;
        round();
        round();
        v0 ^= m;
    }
};

bool is_base64url_letter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

}  // namespace

uint64_t siphash24(const SecretKey& key, std::string_view bytes) {
    const uint64_t k0 = read_le64(key.bytes.data()), k1 = read_le64(key.bytes.data() + 8);
    SipState s{k0 ^ 0x736f6d6570736575ULL, k1 ^ 0x646f72616e646f6dULL, k0 ^ 0x6c7967656e657261ULL, k1 ^ 0x7465646279746573ULL};
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t whole = bytes.size() / 8 * 8;
    for (size_t i = 0; i < whole; i += 8) s.absorb(read_le64(p + i));
    s.absorb((static_cast<uint64_t>(bytes.size() & 0xFF) << 56) | read_le64(p + whole, bytes.size() - whole));
    s.v2 ^= 0xFF;
    for (int i = 0; i < 4; i++) s.round();
    return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
}

std::string secret_marker(const SecretKey& key, std::string_view secret) {
    const uint64_t hash = siphash24(key, secret);
    std::string bytes(8, '\0');
    for (int i = 0; i < 8; i++) bytes[static_cast<size_t>(i)] = static_cast<char>(hash >> (8 * i));
    return std::string(secret_marker_prefix) + base64url_encode(bytes);
}

bool is_secret_marker(std::string_view text) {
    if (text.size() != secret_marker_size || !text.starts_with(secret_marker_prefix)) return false;
    for (const char c : text.substr(secret_marker_prefix.size()))
        if (!is_base64url_letter(c)) return false;
    return true;
}

}  // namespace core
