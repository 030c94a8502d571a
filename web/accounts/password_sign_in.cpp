#include "web/accounts/password_sign_in.hpp"

#include "web/accounts/password_hash.hpp"
#include "web/http/problem.hpp"
#include "web/store/sqlite_statement.hpp"

namespace web {

namespace {

// "40 seconds", "1 minute", "15 minutes": the wait, rounded up.
std::string wait_text(std::chrono::seconds wait) {
    const int64_t seconds = wait.count();
    if (seconds < 60) return seconds == 1 ? "1 second" : std::to_string(seconds) + " seconds";
    const int64_t minutes = std::chrono::ceil<std::chrono::minutes>(wait).count();
    return minutes == 1 ? "1 minute" : std::to_string(minutes) + " minutes";
}

}  // namespace

PasswordSignIn check_password(Database& database, const std::string& email, const std::string& password,
                              const std::string& client, core::Instant now) {
    PasswordSignIn checked;
    std::optional<UserRecord> user;
    database.with_connection([&](sqlite3* connection) {
        Transaction transaction(connection);
        checked.attempt = SignInThrottle(connection).begin(email, client, now);
        if (!checked.attempt.refused()) user = AccountStore(connection).user_by_email(email);
        transaction.commit();
    });
    if (checked.attempt.refused()) return checked;

    if (user && user->password_hash && password_matches(*user->password_hash, password)) {
        if (password_hash_outdated(*user->password_hash)) checked.rehashed = hash_password(password);
        checked.user = std::move(user);
    } else if (!user || !user->password_hash) {
        spend_password_check_time(password);
    }
    return checked;
}

void password_accepted(sqlite3* connection, const PasswordSignIn& checked, core::Instant now) {
    SignInThrottle(connection).succeeded(checked.attempt, now);
    if (checked.rehashed) AccountStore(connection).set_password_hash(checked.user->id, *checked.rehashed);
}

void send_throttled(httplib::Response& response, std::chrono::seconds retry_after, std::string_view too_many) {
    response.set_header("Retry-After", std::to_string(retry_after.count()));
    send_problem(response, 429, std::string(too_many) + " Try again in " + wait_text(retry_after) + ".");
}

}  // namespace web
