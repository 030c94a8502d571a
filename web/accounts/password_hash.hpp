// Passwords, stored as argon2id hashes from libsodium's crypto_pwhash_str
// at its "interactive" limits (64 MiB, 2 passes: about 0.1 s here). The
// string it makes holds the algorithm, the limits and the salt, so stored
// hashes stay verifiable when the limits are raised later.
//
// Each hash or check takes 64 MiB for its duration; at most two run at once
// (more would only queue on two cores anyway), so a burst of sign-ins cannot
// make the service use memory without bound. Never call with the database
// lock held: the other requests would wait for it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace web {

// nullopt only when the memory for hashing cannot be had.
std::optional<std::string> hash_password(std::string_view password);

bool password_matches(const std::string& stored_hash, std::string_view password);

// Spends the time of one check against a hash of nothing, so that a sign-in
// with an unknown e-mail takes as long as one with a wrong password.
void spend_password_check_time(std::string_view password);

// True when the hash was made with other limits than today's: rehash it at
// the next successful sign-in.
bool password_hash_outdated(const std::string& stored_hash);

}  // namespace web
