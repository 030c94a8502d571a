#include "web/accounts/password_hash.hpp"

#include <sodium.h>

#include <mutex>
#include <semaphore>

namespace web {

namespace {

constexpr unsigned long long operations = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t memory = crypto_pwhash_MEMLIMIT_INTERACTIVE;

std::counting_semaphore<2> hashing_slots(2);

// Holds one of the two hashing slots for its lifetime.
class HashingSlot {
public:
    HashingSlot() { hashing_slots.acquire(); }
    ~HashingSlot() { hashing_slots.release(); }
    HashingSlot(const HashingSlot&) = delete;
    HashingSlot& operator=(const HashingSlot&) = delete;
};

}  // namespace

std::optional<std::string> hash_password(std::string_view password) {
    char hash[crypto_pwhash_STRBYTES];
    HashingSlot slot;
    if (crypto_pwhash_str(hash, password.data(), password.size(), operations, memory) != 0) return std::nullopt;
    return std::string(hash);
}

bool password_matches(const std::string& stored_hash, std::string_view password) {
    HashingSlot slot;
    return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

void spend_password_check_time(std::string_view password) {
    static std::once_flag made;
    static std::string hash_of_nothing;
    std::call_once(made, [] { hash_of_nothing = hash_password("").value_or(""); });
    if (!hash_of_nothing.empty()) password_matches(hash_of_nothing, password);
}

bool password_hash_outdated(const std::string& stored_hash) {
    return crypto_pwhash_str_needs_rehash(stored_hash.c_str(), operations, memory) != 0;
}

}  // namespace web
