#include "web/accounts/second_factor_store.hpp"

#include "web/accounts/secret_token.hpp"
#include "web/accounts/totp.hpp"
#include "web/store/sqlite_statement.hpp"

#include "core/checks/one_time_code.hpp"

namespace web {

namespace {

// "3f9a1-c07e2": 40 random bits, easy to read out and type.
std::string new_recovery_code() {
    const std::string hex = random_hex(5);
    return hex.substr(0, 5) + "-" + hex.substr(5);
}

std::optional<std::string> secret_of(sqlite3* connection, int64_t user_id, bool enabled, std::optional<int64_t>* last_step = nullptr) {
    Statement query(connection, "SELECT secret, last_step FROM second_factors WHERE user_id = ?1 AND (enabled_at IS NOT NULL) = ?2");
    query.bind(1, user_id).bind(2, int64_t(enabled));
    if (!query.step()) return std::nullopt;
    if (last_step) *last_step = query.optional_integer(1);
    return totp_secret_from_text(query.text(0));
}

}  // namespace

bool SecondFactorStore::enabled(int64_t user_id) {
    Statement query(connection_, "SELECT 1 FROM second_factors WHERE user_id = ?1 AND enabled_at IS NOT NULL");
    query.bind(1, user_id);
    return query.step();
}

bool SecondFactorStore::enrolment_waiting(int64_t user_id) { return secret_of(connection_, user_id, false).has_value(); }

int SecondFactorStore::recovery_codes_left(int64_t user_id) {
    Statement query(connection_, "SELECT COUNT(*) FROM recovery_codes WHERE user_id = ?1 AND used_at IS NULL");
    query.bind(1, user_id);
    query.step();
    return int(query.integer(0));
}

std::optional<std::string> SecondFactorStore::begin_enrolment(int64_t user_id, core::Instant now) {
    if (enabled(user_id)) return std::nullopt;
    const std::string secret = new_totp_secret();
    // Never over a secret turned on meanwhile (a confirm on another
    // connection): the person's app would stop matching.
    Statement upsert(connection_,
                     "INSERT INTO second_factors(user_id, secret, created_at) VALUES(?1, ?2, ?3)"
                     " ON CONFLICT(user_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at,"
                     " last_step = NULL WHERE second_factors.enabled_at IS NULL");
    upsert.bind(1, user_id).bind(2, totp_secret_text(secret)).bind(3, now).run();
    if (changed_rows(connection_) != 1) return std::nullopt;
    return secret;
}

std::optional<std::vector<std::string>> SecondFactorStore::confirm_enrolment(int64_t user_id, const std::string& code,
                                                                             core::Instant now) {
    const std::optional<std::string> secret = secret_of(connection_, user_id, false);
    if (!secret) return std::nullopt;
    const std::optional<int64_t> step = totp_step_of(*secret, core::normalize_one_time_code(code), now);
    if (!step) return std::nullopt;
    Statement(connection_, "UPDATE second_factors SET enabled_at = ?2, last_step = ?3 WHERE user_id = ?1")
        .bind(1, user_id)
        .bind(2, now)
        .bind(3, *step)
        .run();
    Statement(connection_, "DELETE FROM recovery_codes WHERE user_id = ?1").bind(1, user_id).run();
    std::vector<std::string> codes;
    Statement insert(connection_, "INSERT INTO recovery_codes(user_id, code_digest) VALUES(?1, ?2)");
    for (int i = 0; i < recovery_code_count; i++) {
        codes.push_back(new_recovery_code());
        insert.bind(1, user_id).bind(2, token_digest(core::normalize_one_time_code(codes.back()))).run();
        insert.reset();
    }
    return codes;
}

bool SecondFactorStore::use_code(int64_t user_id, const std::string& typed, core::Instant now) {
    std::optional<int64_t> last_step;
    const std::optional<std::string> secret = secret_of(connection_, user_id, true, &last_step);
    if (!secret) return false;
    const std::string code = core::normalize_one_time_code(typed);
    if (core::is_authenticator_code(code)) {
        const std::optional<int64_t> step = totp_step_of(*secret, code, now);
        // A code seen once is spent, and so is every earlier one.
        if (!step || (last_step && *step <= *last_step)) return false;
        Statement(connection_, "UPDATE second_factors SET last_step = ?2 WHERE user_id = ?1").bind(1, user_id).bind(2, *step).run();
        return true;
    }
    Statement use(connection_,
                  "UPDATE recovery_codes SET used_at = ?3 WHERE id ="
                  " (SELECT id FROM recovery_codes WHERE user_id = ?1 AND code_digest = ?2 AND used_at IS NULL LIMIT 1)");
    use.bind(1, user_id).bind(2, token_digest(code)).bind(3, now).run();
    return changed_rows(connection_) > 0;
}

void SecondFactorStore::disable(int64_t user_id) {
    Statement(connection_, "DELETE FROM second_factors WHERE user_id = ?1").bind(1, user_id).run();
    Statement(connection_, "DELETE FROM recovery_codes WHERE user_id = ?1").bind(1, user_id).run();
}

std::string SecondFactorStore::open_challenge(int64_t user_id, core::Instant now) {
    Statement(connection_, "DELETE FROM sign_in_challenges WHERE expires_at <= ?1").bind(1, now).run();
    const std::string token = new_secret_token();
    Statement insert(connection_, "INSERT INTO sign_in_challenges(token_digest, user_id, created_at, expires_at) VALUES(?1, ?2, ?3, ?4)");
    insert.bind(1, token_digest(token)).bind(2, user_id).bind(3, now).bind(4, now + challenge_lifetime).run();
    return token;
}

std::optional<SignInChallenge> SecondFactorStore::challenge(const std::string& token, core::Instant now) {
    Statement query(connection_, "SELECT id, user_id, failures, expires_at FROM sign_in_challenges WHERE token_digest = ?1");
    query.bind(1, token_digest(token));
    if (!query.step()) return std::nullopt;
    SignInChallenge challenge{query.integer(0), query.integer(1), int(query.integer(2)), query.instant(3)};
    if (challenge.expires_at <= now) return std::nullopt;
    return challenge;
}

int SecondFactorStore::challenge_failed(const SignInChallenge& challenge) {
    const int failures = challenge.failures + 1;
    if (failures >= most_code_failures) {
        close_challenge(challenge.id);
        return 0;
    }
    Statement(connection_, "UPDATE sign_in_challenges SET failures = ?2 WHERE id = ?1").bind(1, challenge.id).bind(2, int64_t(failures)).run();
    return most_code_failures - failures;
}

void SecondFactorStore::close_challenge(int64_t id) {
    Statement(connection_, "DELETE FROM sign_in_challenges WHERE id = ?1").bind(1, id).run();
}

}  // namespace web
