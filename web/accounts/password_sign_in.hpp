// Checking an account's own password, the one way the service does it:
// signing in, and accepting an invitation into an account that exists
// already. Throttled (sign_in_throttle) before anything is read, and as slow
// for an unknown e-mail address or an account without a password as for a
// wrong password, so the answer and its timing say nothing about accounts.
#pragma once

#include "web/accounts/account_store.hpp"
#include "web/store/database.hpp"
#include "web/accounts/sign_in_throttle.hpp"

#include <httplib.h>

#include <chrono>
#include <optional>
#include <string>

namespace web {

struct PasswordSignIn {
    SignInAttempt attempt;             // refused(): nothing was checked
    std::optional<UserRecord> user;    // the account, when its password is right
    std::optional<std::string> rehashed;   // a new hash when the stored one uses outdated limits
};

// `email` normalized. The argon2id check runs outside the database lock.
PasswordSignIn check_password(Database& database, const std::string& email, const std::string& password,
                              const std::string& client, core::Instant now);

// Inside the transaction that acts on a right password: forgives the attempt
// and stores the rehashed password, if any.
void password_accepted(sqlite3* connection, const PasswordSignIn& checked, core::Instant now);

// 429 with Retry-After, what was too much, and the wait in words.
void send_throttled(httplib::Response& response, std::chrono::seconds retry_after,
                    std::string_view too_many = "Too many failed sign-ins.");

}  // namespace web
