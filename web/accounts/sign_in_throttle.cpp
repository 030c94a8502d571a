#include "web/accounts/sign_in_throttle.hpp"

#include "web/store/sqlite_statement.hpp"

#include <algorithm>

namespace web {

namespace {

constexpr int64_t day_seconds = 24 * 3600;

// Which failures a budget counts, with ?1 the e-mail and ?2 the client address.
constexpr const char* of_pair = "email = ?1 AND address = ?2";
constexpr const char* of_address = "address = ?2";

}  // namespace

int64_t SignInThrottle::budget_wait(const char* failures_of, const SignInAttempt& attempt, int allowed, int64_t now) {
    // With N failures in the window the budget is free again once N - allowed + 1
    // of them have aged out: when the allowed-th newest one is a window old.
    Statement query(connection_, std::string("SELECT at FROM sign_in_failures WHERE ") + failures_of +
                                     " AND at > ?3 ORDER BY at DESC LIMIT 1 OFFSET ?4");
    query.bind(1, attempt.email).bind(2, attempt.address).bind(3, now - sign_in_window_seconds).bind(4, int64_t(allowed - 1));
    if (!query.step()) return 0;
    return std::max<int64_t>(1, query.integer(0) + sign_in_window_seconds - now);
}

int64_t SignInThrottle::account_pause(const SignInAttempt& attempt, int64_t now) {
    Statement failures(connection_, "SELECT COUNT(*), MAX(at) FROM sign_in_failures WHERE email = ?1 AND at > ?2");
    failures.bind(1, attempt.email).bind(2, now - sign_in_window_seconds);
    failures.step();
    const int64_t over_budget = failures.integer(0) - sign_in_failures_per_account;
    if (over_budget < 0) return 0;
    Statement known(connection_, "SELECT 1 FROM sign_in_known_addresses WHERE email = ?1 AND address = ?2 AND last_success_at > ?3");
    known.bind(1, attempt.email).bind(2, attempt.address).bind(3, now - known_address_days * day_seconds);
    if (known.step()) return 0;
    const int64_t pause =
        std::min<int64_t>(longest_account_pause_seconds, first_account_pause_seconds << std::min<int64_t>(over_budget, 4));
    return std::max<int64_t>(0, failures.integer(1) + pause - now);
}

SignInAttempt SignInThrottle::begin(const std::string& email, const std::string& address, int64_t now) {
    // Old rows are of no use to anyone.
    Statement forget(connection_, "DELETE FROM sign_in_failures WHERE at <= ?1");
    forget.bind(1, now - sign_in_window_seconds).run();

    SignInAttempt attempt{email, address};
    attempt.retry_after_seconds = std::max({budget_wait(of_pair, attempt, sign_in_failures_per_pair, now),
                                            budget_wait(of_address, attempt, sign_in_failures_per_address, now),
                                            account_pause(attempt, now)});
    if (attempt.retry_after_seconds > 0) return attempt;
    Statement insert(connection_, "INSERT INTO sign_in_failures(email, address, at) VALUES(?1, ?2, ?3)");
    insert.bind(1, email).bind(2, address).bind(3, now).run();
    attempt.failure_id = last_insert_id(connection_);
    return attempt;
}

void SignInThrottle::succeeded(const SignInAttempt& attempt, int64_t now) {
    Statement forgive(connection_, "DELETE FROM sign_in_failures WHERE id = ?1 OR (email = ?2 AND address = ?3)");
    forgive.bind(1, attempt.failure_id).bind(2, attempt.email).bind(3, attempt.address).run();
    Statement remember(connection_,
                       "INSERT INTO sign_in_known_addresses(email, address, last_success_at) VALUES(?1, ?2, ?3)"
                       " ON CONFLICT(email, address) DO UPDATE SET last_success_at = excluded.last_success_at");
    remember.bind(1, attempt.email).bind(2, attempt.address).bind(3, now).run();
    Statement forget(connection_, "DELETE FROM sign_in_known_addresses WHERE last_success_at <= ?1");
    forget.bind(1, now - known_address_days * day_seconds).run();
}

}  // namespace web
