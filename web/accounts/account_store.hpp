// The users, tenants and memberships tables (migration 3): the queries the
// session, invitation and user-management code share. Works on a connection
// handed out by Database::with_connection, inside the caller's transaction
// when there is one; SQLite failures throw DatabaseError (sqlite_statement).
#pragma once

#include "core/model/membership.hpp"
#include "core/sla/business_calendar.hpp"

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
    core::Instant created_at{};
    std::optional<core::Instant> last_sign_in_at;
};

struct TenantRecord {
    int64_t id = 0;
    std::string slug;   // "acme-prod"
    std::string name;   // "Acme (production)"
    std::string plan;                          // a plan id of the program: what its tickets are filed under
    std::optional<std::string> region;         // a region id of the program; none: not known
    std::optional<core::Instant> created_at;   // a trial's days count from here
};

struct MembershipRecord {
    int64_t id = 0;
    int64_t user_id = 0;
    TenantRecord tenant;
    core::Role role = core::Role::SupportOnly;
    core::MembershipStatus status = core::MembershipStatus::Invited;
    std::optional<int64_t> invited_by;
    core::Instant invited_at{};
    std::optional<core::Instant> revoked_at;
    std::optional<core::Instant> joined_at;   // first accepted; until then the tenant sees only the address
};

// The memberships table's words read back. A word its CHECK allows but this
// build does not know (a newer build wrote it) is a DatabaseError, not a guess.
core::Role stored_role(const std::string& word);
core::MembershipStatus stored_membership_status(const std::string& word);

class AccountStore {
public:
    explicit AccountStore(sqlite3* connection) : connection_(connection) {}

    std::optional<UserRecord> user_by_email(const std::string& email);
    std::optional<UserRecord> user_by_id(int64_t id);
    int64_t add_user(const std::string& email, const std::optional<std::string>& name,
                     const std::optional<std::string>& password_hash, core::Instant now);
    // An account's first name and password, chosen with its first
    // invitation. False, changing nothing, when it has a password already:
    // only its owner, signed in with that one, may act for it.
    bool set_first_name_and_password(int64_t user_id, const std::string& name, const std::string& password_hash);
    void set_password_hash(int64_t user_id, const std::string& password_hash);
    // A name for an account that has none yet (one made by its company's sign-in).
    void set_name_if_none(int64_t user_id, const std::string& name);
    void record_sign_in(int64_t user_id, core::Instant now);
    int64_t user_count();

    std::optional<TenantRecord> tenant(const std::string& slug);
    int64_t add_tenant(const std::string& slug, const std::string& name, const std::string& plan,
                       const std::optional<std::string>& region, core::Instant now);
    std::vector<TenantRecord> tenants();   // by slug
    int64_t tenant_count();
    void set_plan(int64_t tenant_id, const std::string& plan);
    // The vendor's support engineers: users active as one in some tenant.
    std::vector<int64_t> support_engineer_ids();

    // Every membership of the user, whatever its status, by tenant slug.
    std::vector<MembershipRecord> memberships_of(int64_t user_id);
    std::vector<MembershipRecord> active_memberships_of(int64_t user_id);
    std::optional<MembershipRecord> membership(int64_t user_id, int64_t tenant_id);

    int64_t add_membership(int64_t user_id, int64_t tenant_id, core::Role role, core::MembershipStatus status,
                           const std::optional<int64_t>& invited_by, core::Instant invited_at);
    // Back to "invited" as `role`, by `invited_by` (none: the operator) at
    // `now` (a revoked user invited again, or an invitation that expired unused).
    void reinvite(int64_t membership_id, core::Role role, std::optional<int64_t> invited_by, core::Instant now);
    void set_status(int64_t membership_id, core::MembershipStatus status, const std::optional<core::Instant>& revoked_at);
    // Active from `now`; joined then, unless it had joined before.
    void join(int64_t membership_id, core::Instant now);

private:
    sqlite3* connection_;
};

}  // namespace web
