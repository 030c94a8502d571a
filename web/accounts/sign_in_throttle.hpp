// Slowing down password guessing without letting a guesser lock others out.
// Failed sign-ins of the last 15 minutes are counted three ways, each with
// its own budget:
//
//   the pair (e-mail address, client address)   5: that pair waits until the
//       oldest failure is 15 minutes old. Only the guesser waits: the same
//       account from another address, and other accounts from this address,
//       go on.
//   the client address, over every account      30: that address waits. A
//       guesser spraying many accounts stops; an office behind one address
//       does not mistype 30 passwords in 15 minutes.
//   the account, from every address             10: the account is slowed,
//       never locked: each further attempt waits 5 s after its latest
//       failure, doubling with each failure over the budget, at most 60 s.
//       Guessing from many addresses gets about one try a minute; the owner
//       signing in from an address they signed in from before (in the last
//       90 days) is not slowed at all, and from a new one waits a minute at
//       most.
//
// Unknown e-mail addresses count like known ones, so the answers say nothing
// about which accounts exist. An attempt is counted as a failure before the
// password is checked and forgiven when it turns out right, so parallel
// guesses cannot slip past a budget while the (slow) check runs; a right
// password also forgives the pair's earlier failures.
#pragma once

#include "core/sla/business_calendar.hpp"

#include <chrono>
#include <cstdint>
#include <string>

struct sqlite3;

namespace web {

inline constexpr std::chrono::minutes sign_in_window{15};
inline constexpr int sign_in_failures_per_pair = 5;
inline constexpr int sign_in_failures_per_address = 30;
inline constexpr int sign_in_failures_per_account = 10;
inline constexpr std::chrono::seconds first_account_pause{5};
inline constexpr std::chrono::seconds longest_account_pause{60};
inline constexpr std::chrono::days known_address_age{90};

struct SignInAttempt {
    std::string email;                    // normalized
    std::string address;                  // the client's
    std::chrono::seconds retry_after{};   // > 0: refused, try again after this long
    int64_t failure_id = 0;               // the provisional failure, when allowed

    bool refused() const { return retry_after > std::chrono::seconds::zero(); }
};

class SignInThrottle {
public:
    explicit SignInThrottle(sqlite3* connection) : connection_(connection) {}

    SignInAttempt begin(const std::string& email, const std::string& address, core::Instant now);
    // The password was right: forgive this attempt and the pair's failures,
    // and remember the address as one the account signs in from.
    void succeeded(const SignInAttempt& attempt, core::Instant now);

private:
    std::chrono::seconds budget_wait(const char* failures_of, const SignInAttempt& attempt, int allowed, core::Instant now);
    std::chrono::seconds account_pause(const SignInAttempt& attempt, core::Instant now);

    sqlite3* connection_;
};

}  // namespace web
