// Slowing down password guessing: after 5 failed sign-ins within 15 minutes
// for one e-mail address (known or not, so the answer says nothing about
// which accounts exist) or from one client address, further attempts are
// refused with 429 until the oldest of those failures is 15 minutes old.
// A successful sign-in clears the account's failures, not the address's.
//
// An attempt is counted as a failure before the password is checked and
// forgiven when it turns out right, so parallel guesses cannot slip past
// the limit while the (slow) check runs.
#pragma once

#include <cstdint>
#include <string>

struct sqlite3;

namespace web {

inline constexpr int sign_in_failures_allowed = 5;
inline constexpr int64_t sign_in_window_seconds = 15 * 60;

struct SignInAttempt {
    int64_t retry_after_seconds = 0;   // > 0: refused, try again after this long
    int64_t account_failure_id = 0;    // the provisional failures, when allowed
    int64_t address_failure_id = 0;
};

class SignInThrottle {
public:
    explicit SignInThrottle(sqlite3* connection) : connection_(connection) {}

    SignInAttempt begin(const std::string& email, const std::string& address, int64_t now);
    // The password was right: forget the account's failures and this attempt's address failure.
    void succeeded(const SignInAttempt& attempt, const std::string& email);

private:
    int64_t wait_for(const std::string& key, int64_t now);
    int64_t add_failure(const std::string& key, int64_t now);

    sqlite3* connection_;
};

}  // namespace web
