#include "sign_in_throttle.hpp"

#include "sqlite_statement.hpp"

#include <algorithm>

namespace web {

namespace {

std::string account_key(const std::string& email) { return "account:" + email; }
std::string address_key(const std::string& address) { return "address:" + address; }

}  // namespace

int64_t SignInThrottle::wait_for(const std::string& key, int64_t now) {
    // With N failures in the window the key is free again once N - allowed + 1
    // of them have aged out: when the allowed-th newest one is a window old.
    Statement query(connection_, "SELECT at FROM sign_in_failures WHERE key = ?1 AND at > ?2 ORDER BY at DESC LIMIT 1 OFFSET ?3");
    query.bind(1, key).bind(2, now - sign_in_window_seconds).bind(3, int64_t(sign_in_failures_allowed - 1));
    if (!query.step()) return 0;
    return std::max<int64_t>(1, query.integer(0) + sign_in_window_seconds - now);
}

int64_t SignInThrottle::add_failure(const std::string& key, int64_t now) {
    Statement insert(connection_, "INSERT INTO sign_in_failures(key, at) VALUES(?1, ?2)");
    insert.bind(1, key).bind(2, now).run();
    return last_insert_id(connection_);
}

SignInAttempt SignInThrottle::begin(const std::string& email, const std::string& address, int64_t now) {
    // Old rows are of no use to anyone.
    Statement forget(connection_, "DELETE FROM sign_in_failures WHERE at <= ?1");
    forget.bind(1, now - sign_in_window_seconds).run();

    SignInAttempt attempt;
    attempt.retry_after_seconds = std::max(wait_for(account_key(email), now), wait_for(address_key(address), now));
    if (attempt.retry_after_seconds > 0) return attempt;
    attempt.account_failure_id = add_failure(account_key(email), now);
    attempt.address_failure_id = add_failure(address_key(address), now);
    return attempt;
}

void SignInThrottle::succeeded(const SignInAttempt& attempt, const std::string& email) {
    Statement forget_account(connection_, "DELETE FROM sign_in_failures WHERE key = ?1");
    forget_account.bind(1, account_key(email)).run();
    Statement forget_attempt(connection_, "DELETE FROM sign_in_failures WHERE id = ?1");
    forget_attempt.bind(1, attempt.address_failure_id).run();
}

}  // namespace web
