#include "web/accounts/support_user_list.hpp"

#include "web/accounts/account_store.hpp"

#include "web/store/sqlite_statement.hpp"

#include <functional>
#include <map>

namespace web {

namespace {

// What the tenant may see of an account beyond the address its admin typed.
// The name once the person has joined the tenant: before, the address may
// be someone's account elsewhere, and its name is none of this tenant's
// business. The last sign-in only while they are an active member: a
// sign-in then is also one into this tenant. Listed, searched and sorted by
// these alone, so neither the matches nor the order tell anything more.
constexpr const char* shown_name = "(CASE WHEN m.joined_at IS NOT NULL THEN u.name END)";
constexpr const char* shown_last_sign_in = "(CASE WHEN m.status = 'active' THEN u.last_sign_in_at END)";

// The sort key of each order, as SQL. Names sort without regard to case and
// missing names sort as empty; "never signed in" as 0.
std::string sort_expression(SupportUserSort sort) {
    switch (sort) {
        case SupportUserSort::Email: return "u.email";
        case SupportUserSort::Name: return std::string("lower(COALESCE(") + shown_name + ", ''))";
        case SupportUserSort::InvitedAt: return "m.invited_at";
        case SupportUserSort::LastSignInAt: return std::string("COALESCE(") + shown_last_sign_in + ", 0)";
    }
    return "u.email";
}

bool sorts_by_text(SupportUserSort sort) { return sort == SupportUserSort::Email || sort == SupportUserSort::Name; }

// LIKE's wildcards in the search are meant literally.
std::string like_pattern(const std::string& search) {
    std::string pattern = "%";
    for (char c : search) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
    }
    return pattern + "%";
}

// The columns shown, for rows named by user id: read from users first, or
// SQLite would go through all of the tenant's memberships to find them.
const std::string row_query =
    std::string("SELECT u.id, u.email, ") + shown_name + ", m.status, m.invited_at, inviter.email, inviter.name, " +
    shown_last_sign_in +
    " FROM users u CROSS JOIN memberships m ON m.user_id = u.id LEFT JOIN users inviter ON inviter.id = m.invited_by"
    " WHERE m.tenant_id = ?1 AND m.role = 'support_only'";

int64_t count_of(sqlite3* connection, const std::string& sql, const std::function<void(Statement&)>& bind) {
    Statement count(connection, sql);
    bind(count);
    count.step();
    return count.integer(0);
}

SupportUserRow read_row(const Statement& row) {
    SupportUserRow user;
    user.id = row.integer(0);
    user.email = row.text(1);
    user.name = row.optional_text(2);
    user.status = stored_membership_status(row.text(3));
    user.invited_at = row.instant(4);
    user.invited_by_email = row.optional_text(5);
    user.invited_by_name = row.optional_text(6);
    user.last_sign_in_at = row.optional_instant(7);
    return user;
}

void bind_value(Statement& statement, int index, const SortValue& value) {
    if (const std::string* text = std::get_if<std::string>(&value))
        statement.bind(index, *text);
    else
        statement.bind(index, std::get<core::Instant>(value));
}

}  // namespace

SupportUserPage list_support_users(sqlite3* connection, int64_t tenant_id, const SupportUserQuery& query) {
    // ?1 tenant, ?2 status, ?3 search pattern, ?4/?5 the position after which the page starts, ?6 limit.
    std::string membership_filter = " WHERE m.tenant_id = ?1 AND m.role = 'support_only'";
    if (query.status) membership_filter += " AND m.status = ?2";
    std::string filter = membership_filter;
    if (!query.search.empty()) filter += std::string(" AND (u.email LIKE ?3 ESCAPE '\\' OR ") + shown_name + " LIKE ?3 ESCAPE '\\')";
    auto bind_filter = [&](Statement& statement) {
        statement.bind(1, tenant_id);
        if (query.status) statement.bind(2, core::to_string(*query.status));
        if (!query.search.empty()) statement.bind(3, like_pattern(query.search));
    };

    // The tenant's support-only users with the status asked for: the total
    // when there is no search (from the memberships index alone), and what
    // decides which table to read first.
    const int64_t members = count_of(connection, "SELECT COUNT(*) FROM memberships m" + membership_filter, bind_filter);
    const int64_t users = count_of(connection, "SELECT COUNT(*) FROM users", [](Statement&) {});

    // Which table to read first. When the tenant has a quarter or more of
    // all users, reading users first is cheaper: a page sorted by e-mail
    // walks its index and keeps the tenant's, stopping once the page is full
    // (at most about four rows read per row shown, wherever the page is),
    // and a search scans the users table in storage order and looks up
    // memberships only for the matches. A smaller tenant is read through its
    // memberships and sorted, which costs its size; so is any tenant sorted
    // by name or last sign-in, whose shown values depend on the membership
    // (no index of users has them). invited_at has its own index on memberships.
    // CROSS JOIN makes SQLite keep that order; NOT INDEXED keeps it from
    // walking the e-mail index for a search, row by row to the table.
    const bool large_tenant = members * 4 >= users;
    std::string from = " FROM memberships m JOIN users u ON u.id = m.user_id";
    if (large_tenant && !query.search.empty())
        from = " FROM users u NOT INDEXED CROSS JOIN memberships m ON m.user_id = u.id";
    else if (large_tenant && query.sort == SupportUserSort::Email)
        from = " FROM users u CROSS JOIN memberships m ON m.user_id = u.id";

    SupportUserPage page;
    page.total = query.search.empty() ? members : count_of(connection, "SELECT COUNT(*)" + from + filter, bind_filter);

    // The page in two steps: first only ids and sort keys, then the columns
    // shown, for the page's rows alone: when a tenant's members are sorted,
    // each carries as little as possible through the sort.
    const std::string key = sort_expression(query.sort);
    const std::string tie = query.sort == SupportUserSort::InvitedAt ? "m.user_id" : "u.id";   // as the index has it
    const char* direction = query.descending ? " DESC" : " ASC";
    std::string sql = "SELECT " + tie + ", " + key + from + filter;
    // "After (?4, ?5)" spelled so that the first half is a plain range on the
    // index's first column, which SQLite seeks to; as a row value it would
    // scan expression indexes from the start.
    if (query.after) {
        const char* beyond = query.descending ? " < " : " > ";
        const char* from_on = query.descending ? " <= " : " >= ";
        sql += " AND " + key + from_on + "?4 AND (" + key + beyond + "?4 OR " + tie + beyond + "?5)";
    }
    sql += " ORDER BY " + key + direction + ", " + tie + direction + " LIMIT ?6";

    std::vector<std::pair<int64_t, SortValue>> keys;
    {
        Statement rows(connection, sql);
        bind_filter(rows);
        if (query.after) {
            bind_value(rows, 4, query.after->value);
            rows.bind(5, query.after->id);
        }
        // One extra row tells whether another page follows.
        rows.bind(6, int64_t(query.limit) + 1);
        while (rows.step()) {
            SortValue value;
            if (sorts_by_text(query.sort))
                value = rows.text(1);
            else
                value = rows.instant(1);
            keys.emplace_back(rows.integer(0), std::move(value));
        }
    }
    page.more = int(keys.size()) > query.limit;
    if (page.more) keys.resize(size_t(query.limit));
    if (keys.empty()) return page;

    std::string ids;
    for (const auto& [id, value] : keys) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
    Statement rows(connection, row_query + " AND u.id IN (" + ids + ")");
    rows.bind(1, tenant_id);
    std::map<int64_t, SupportUserRow> by_id;
    while (rows.step()) {
        SupportUserRow row = read_row(rows);
        by_id.emplace(row.id, std::move(row));
    }
    for (auto& [id, value] : keys) {
        auto found = by_id.find(id);
        if (found == by_id.end()) continue;   // both reads are in one lock, so it is there
        found->second.sort_value = std::move(value);
        page.rows.push_back(std::move(found->second));
    }
    return page;
}

std::optional<SupportUserRow> find_support_user(sqlite3* connection, int64_t tenant_id, int64_t user_id) {
    Statement row(connection, row_query + " AND u.id = ?2");
    row.bind(1, tenant_id).bind(2, user_id);
    if (!row.step()) return std::nullopt;
    SupportUserRow user = read_row(row);
    user.sort_value = user.email;
    return user;
}

}  // namespace web
