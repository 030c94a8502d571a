// The vendor's operators (migration 19): who may use the operator API,
// /api/v1/admin. An operator is a person or a script of the vendor's
// (billing, CRM) with an API token; `./portal admin operator invite EMAIL`
// makes one and prints the token, `revoke EMAIL` ends it.
#pragma once

#include "web/admin/operator_problem.hpp"

#include "core/sla/business_calendar.hpp"

#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace web {

struct OperatorAdded {
    OperatorProblem problem;            // none when done
    std::string email;                  // normalized
    std::string token;                  // shown once
    bool new_account = false;
};

// Makes the address an operator (an account without tenants when it has
// none) and gives it a new API token.
OperatorAdded add_operator(sqlite3* connection, const std::string& typed_email, core::Instant now);

struct OperatorRow {
    std::string email;
    int tokens = 0;
    std::optional<core::Instant> last_used_at;   // of any of its tokens
};

std::vector<OperatorRow> operators(sqlite3* connection);

// No longer an operator; false when it was none.
bool end_operator(sqlite3* connection, int64_t user_id);

}  // namespace web
