// Secrets handed to a browser or a mailbox: session cookies, CSRF tokens,
// invitation links. 256 random bits from libsodium, as base64url. The
// database keeps only their SHA-256 digest for the ones that grant access
// (sessions, invitations), so a copy of the database opens nothing.
#pragma once

#include <string>
#include <string_view>

namespace web {

// Call once at start, before any other function here; false if libsodium
// could not initialise (no source of randomness).
bool start_secrets();

std::string new_secret_token();   // 43 characters

// Lowercase hex SHA-256 of the token: what the database stores and looks up.
std::string token_digest(std::string_view token);

// Comparison in time independent of where the texts differ.
bool same_secret(std::string_view a, std::string_view b);

// A random hex string of `bytes` bytes, for Message-IDs and the like.
std::string random_hex(size_t bytes);

}  // namespace web
