#include "web/accounts/sign_in_throttle.hpp"

#include "web/store/sqlite_statement.hpp"

#include <algorithm>

namespace web {

namespace {

// Which failures a budget counts, with ?1 the e-mail and ?2 the client address.
constexpr const char* of_pair = "email = ?1 AND address = ?2";
constexpr const char* of_address = "address = ?2";

}  // namespace

std::chrono::seconds SignInThrottle::budget_wait(const char* failures_of, const SignInAttempt& attempt, int allowed,
                                                 core::Instant now) {
    // With N failures in the window the budget is free again once N - allowed + 1
    // of them have aged out: when the allowed-th newest one is a window old.
    Statement query(connection_, std::string("SELECT at FROM sign_in_failures WHERE ") + failures_of +
                                     " AND at > ?3 ORDER BY at DESC LIMIT 1 OFFSET ?4");
    query.bind(1, attempt.email).bind(2, attempt.address).bind(3, now - sign_in_window).bind(4, int64_t(allowed - 1));
    if (!query.step()) return std::chrono::seconds::zero();
    return std::max<std::chrono::seconds>(std::chrono::seconds{1}, query.instant(0) + sign_in_window - now);
}

std::chrono::seconds SignInThrottle::account_pause(const SignInAttempt& attempt, core::Instant now) {
    Statement failures(connection_, "SELECT COUNT(*), MAX(at) FROM sign_in_failures WHERE email = ?1 AND at > ?2");
    failures.bind(1, attempt.email).bind(2, now - sign_in_window);
    failures.step();
    const int64_t over_budget = failures.integer(0) - sign_in_failures_per_account;
    if (over_budget < 0) return std::chrono::seconds::zero();
    Statement known(connection_, "SELECT 1 FROM sign_in_known_addresses WHERE email = ?1 AND address = ?2 AND last_success_at > ?3");
    known.bind(1, attempt.email).bind(2, attempt.address).bind(3, now - known_address_age);
    if (known.step()) return std::chrono::seconds::zero();
    const std::chrono::seconds pause =
        std::min(longest_account_pause, first_account_pause * (int64_t(1) << std::min<int64_t>(over_budget, 4)));
    return std::max(std::chrono::seconds::zero(), failures.instant(1) + pause - now);
}

SignInAttempt SignInThrottle::begin(const std::string& email, const std::string& address, core::Instant now) {
    // Old rows are of no use to anyone.
    Statement forget(connection_, "DELETE FROM sign_in_failures WHERE at <= ?1");
    forget.bind(1, now - sign_in_window).run();

    SignInAttempt attempt{email, address};
    attempt.retry_after = std::max({budget_wait(of_pair, attempt, sign_in_failures_per_pair, now),
                                    budget_wait(of_address, attempt, sign_in_failures_per_address, now),
                                    account_pause(attempt, now)});
    if (attempt.refused()) return attempt;
    Statement insert(connection_, "INSERT INTO sign_in_failures(email, address, at) VALUES(?1, ?2, ?3)");
    insert.bind(1, email).bind(2, address).bind(3, now).run();
    attempt.failure_id = last_insert_id(connection_);
    return attempt;
}

void SignInThrottle::succeeded(const SignInAttempt& attempt, core::Instant now) {
    Statement forgive(connection_, "DELETE FROM sign_in_failures WHERE id = ?1 OR (email = ?2 AND address = ?3)");
    forgive.bind(1, attempt.failure_id).bind(2, attempt.email).bind(3, attempt.address).run();
    Statement remember(connection_,
                       "INSERT INTO sign_in_known_addresses(email, address, last_success_at) VALUES(?1, ?2, ?3)"
                       " ON CONFLICT(email, address) DO UPDATE SET last_success_at = excluded.last_success_at");
    remember.bind(1, attempt.email).bind(2, attempt.address).bind(3, now).run();
    Statement forget(connection_, "DELETE FROM sign_in_known_addresses WHERE last_success_at <= ?1");
    forget.bind(1, now - known_address_age).run();
}

}  // namespace web
