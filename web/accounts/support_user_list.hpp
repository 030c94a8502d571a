// The support-only users of one tenant, searched, filtered, sorted and read
// a page at a time (GET /api/v1/tenants/{tenant}/support-users).
//
// Pages are keyset pages: each starts strictly after the (sort value, id) of
// the row that ended the one before, found through the sort's index, so a
// page costs the same at row 9,950 as at row 0 and rows added meanwhile
// neither repeat nor shift the pages. With 10,000 users in a tenant a search
// scans them (LIKE '%x%' cannot use an index) in a few milliseconds;
// docs/benchmarks.md has the figures.
#pragma once

#include "core/model/support_user_filter.hpp"
#include "core/sla/business_calendar.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

struct sqlite3;

namespace web {

using core::SupportUserSort;

// The sort value of a row: text for e-mail and name, the time for times.
using SortValue = std::variant<std::string, core::Instant>;

struct SupportUserPosition {
    SortValue value;
    int64_t id = 0;
};

struct SupportUserQuery {
    std::string search;                   // e-mail or name contains it, any case; empty: everyone
    std::optional<core::MembershipStatus> status;   // nullopt: all
    SupportUserSort sort = SupportUserSort::Email;
    bool descending = false;
    int limit = 50;
    std::optional<SupportUserPosition> after;
};

struct SupportUserRow {
    int64_t id = 0;
    std::string email;
    std::optional<std::string> name;
    core::MembershipStatus status = core::MembershipStatus::Invited;   // of the membership in this tenant
    core::Instant invited_at{};
    std::optional<std::string> invited_by_email;
    std::optional<std::string> invited_by_name;
    std::optional<core::Instant> last_sign_in_at;
    SortValue sort_value;                 // for the next page's cursor
};

struct SupportUserPage {
    std::vector<SupportUserRow> rows;
    bool more = false;                    // another page follows
    int64_t total = 0;                    // rows matching search and status, on all pages
};

SupportUserPage list_support_users(sqlite3* connection, int64_t tenant_id, const SupportUserQuery& query);

// One support-only user of the tenant, whatever their status.
std::optional<SupportUserRow> find_support_user(sqlite3* connection, int64_t tenant_id, int64_t user_id);

}  // namespace web
