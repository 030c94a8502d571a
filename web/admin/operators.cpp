#include "web/admin/operators.hpp"

#include "web/accounts/account_store.hpp"
#include "web/accounts/api_token_store.hpp"
#include "web/store/sqlite_statement.hpp"

#include "core/checks/email_address.hpp"

namespace web {

OperatorAdded add_operator(sqlite3* connection, const std::string& typed_email, core::Instant now) {
    OperatorAdded added;
    added.email = core::normalize_email_address(typed_email);
    if (std::string problem = core::email_address_problem(added.email); !problem.empty()) {
        added.problem = bad_input("email", problem);
        return added;
    }
    Transaction transaction(connection);
    AccountStore accounts(connection);
    std::optional<UserRecord> user = accounts.user_by_email(added.email);
    const int64_t user_id = user ? user->id : accounts.add_user(added.email, std::nullopt, std::nullopt, now);
    added.new_account = !user;
    Statement(connection, "UPDATE users SET is_operator = 1 WHERE id = ?1").bind(1, user_id).run();
    added.token = ApiTokenStore(connection).issue(user_id, now);
    transaction.commit();
    return added;
}

std::vector<OperatorRow> operators(sqlite3* connection) {
    Statement query(connection,
                    "SELECT u.email, COUNT(t.id), MAX(t.last_used_at) FROM users u LEFT JOIN api_tokens t ON t.user_id = u.id"
                    " WHERE u.is_operator = 1 GROUP BY u.id ORDER BY u.email");
    std::vector<OperatorRow> rows;
    while (query.step()) rows.push_back(OperatorRow{query.text(0), int(query.integer(1)), query.optional_instant(2)});
    return rows;
}

bool end_operator(sqlite3* connection, int64_t user_id) {
    Statement(connection, "UPDATE users SET is_operator = 0 WHERE id = ?1 AND is_operator = 1").bind(1, user_id).run();
    return changed_rows(connection) > 0;
}

}  // namespace web
