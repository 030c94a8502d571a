// The users, tenants and memberships tables (migration 3): the queries the
// session, invitation and user-management code share. Works on a connection
// handed out by Database::with_connection, inside the caller's transaction
// when there is one; SQLite failures throw DatabaseError (sqlite_statement).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace web {

struct UserRecord {
    int64_t id = 0;
    std::string email;
    std::optional<std::string> name;            // none until an invitation is accepted
    std::optional<std::string> password_hash;   // the same
    int64_t created_at = 0;
    std::optional<int64_t> last_sign_in_at;
};

struct TenantRecord {
    int64_t id = 0;
    std::string slug;   // "acme-prod"
    std::string name;   // "Acme (production)"
    std::string plan;                       // a plan id of the program: what its tickets are filed under
    std::optional<std::string> region;      // a region id of the program; none: not known
    std::optional<int64_t> created_at;      // a trial's days count from here
};

struct MembershipRecord {
    int64_t id = 0;
    int64_t user_id = 0;
    TenantRecord tenant;
    std::string role;     // admin | support_only | support_engineer
    std::string status;   // invited | active | revoked
    std::optional<int64_t> invited_by;
    int64_t invited_at = 0;
    std::optional<int64_t> revoked_at;
    std::optional<int64_t> joined_at;   // first accepted; until then the tenant sees only the address
};

class AccountStore {
public:
    explicit AccountStore(sqlite3* connection) : connection_(connection) {}

    std::optional<UserRecord> user_by_email(const std::string& email);
    std::optional<UserRecord> user_by_id(int64_t id);
    int64_t add_user(const std::string& email, const std::optional<std::string>& name,
                     const std::optional<std::string>& password_hash, int64_t now);
    // An account's first name and password, chosen with its first
    // invitation. False, changing nothing, when it has a password already:
    // only its owner, signed in with that one, may act for it.
    bool set_first_name_and_password(int64_t user_id, const std::string& name, const std::string& password_hash);
    void set_password_hash(int64_t user_id, const std::string& password_hash);
    void record_sign_in(int64_t user_id, int64_t now);
    int64_t user_count();

    std::optional<TenantRecord> tenant(const std::string& slug);
    int64_t add_tenant(const std::string& slug, const std::string& name, const std::string& plan,
                       const std::optional<std::string>& region, int64_t now);

    // Every membership of the user, whatever its status, by tenant slug.
    std::vector<MembershipRecord> memberships_of(int64_t user_id);
    std::vector<MembershipRecord> active_memberships_of(int64_t user_id);
    std::optional<MembershipRecord> membership(int64_t user_id, int64_t tenant_id);

    int64_t add_membership(int64_t user_id, int64_t tenant_id, const std::string& role, const std::string& status,
                           const std::optional<int64_t>& invited_by, int64_t invited_at);
    // Back to "invited" as support_only, by `invited_by` at `now` (a revoked
    // user invited again, or an invitation that expired unused).
    void reinvite(int64_t membership_id, int64_t invited_by, int64_t now);
    void set_status(int64_t membership_id, const std::string& status, const std::optional<int64_t>& revoked_at);
    // Active from `now`; joined then, unless it had joined before.
    void join(int64_t membership_id, int64_t now);

private:
    sqlite3* connection_;
};

}  // namespace web
