#include "web/accounts/account_store.hpp"

#include "web/store/sqlite_statement.hpp"

namespace web {

namespace {

constexpr const char* user_columns = "id, email, name, password_hash, created_at, last_sign_in_at";

UserRecord read_user(const Statement& row) {
    return UserRecord{row.integer(0), row.text(1), row.optional_text(2), row.optional_text(3), row.instant(4),
                      row.optional_instant(5)};
}

constexpr const char* tenant_columns = "t.id, t.slug, t.name, t.plan, t.region, t.created_at";

// The tenant's columns from `first` on, in the order of tenant_columns.
TenantRecord read_tenant(const Statement& row, int first) {
    return TenantRecord{row.integer(first),   row.text(first + 1),          row.text(first + 2),
                        row.text(first + 3),  row.optional_text(first + 4), row.optional_instant(first + 5)};
}

const std::string membership_query = std::string("SELECT m.id, m.user_id, m.role, m.status, m.invited_by, m.invited_at, m.revoked_at, m.joined_at, ") +
                                     tenant_columns + " FROM memberships m JOIN tenants t ON t.id = m.tenant_id";

MembershipRecord read_membership(const Statement& row) {
    MembershipRecord membership;
    membership.id = row.integer(0);
    membership.user_id = row.integer(1);
    membership.role = stored_role(row.text(2));
    membership.status = stored_membership_status(row.text(3));
    membership.invited_by = row.optional_integer(4);
    membership.invited_at = row.instant(5);
    membership.revoked_at = row.optional_instant(6);
    membership.joined_at = row.optional_instant(7);
    membership.tenant = read_tenant(row, 8);
    return membership;
}

}  // namespace

core::Role stored_role(const std::string& word) {
    if (std::optional<core::Role> role = core::parse_role(word)) return *role;
    throw DatabaseError("memberships.role holds an unknown role \"" + word + "\"");
}

core::MembershipStatus stored_membership_status(const std::string& word) {
    if (std::optional<core::MembershipStatus> status = core::parse_membership_status(word)) return *status;
    throw DatabaseError("memberships.status holds an unknown status \"" + word + "\"");
}

std::optional<UserRecord> AccountStore::user_by_email(const std::string& email) {
    Statement query(connection_, std::string("SELECT ") + user_columns + " FROM users WHERE email = ?1");
    query.bind(1, email);
    if (!query.step()) return std::nullopt;
    return read_user(query);
}

std::optional<UserRecord> AccountStore::user_by_id(int64_t id) {
    Statement query(connection_, std::string("SELECT ") + user_columns + " FROM users WHERE id = ?1");
    query.bind(1, id);
    if (!query.step()) return std::nullopt;
    return read_user(query);
}

int64_t AccountStore::add_user(const std::string& email, const std::optional<std::string>& name,
                               const std::optional<std::string>& password_hash, core::Instant now) {
    Statement insert(connection_, "INSERT INTO users(email, name, password_hash, created_at) VALUES(?1, ?2, ?3, ?4)");
    insert.bind(1, email).bind(2, name).bind(3, password_hash).bind(4, now).run();
    return last_insert_id(connection_);
}

bool AccountStore::set_first_name_and_password(int64_t user_id, const std::string& name, const std::string& password_hash) {
    Statement update(connection_, "UPDATE users SET name = ?2, password_hash = ?3 WHERE id = ?1 AND password_hash IS NULL");
    update.bind(1, user_id).bind(2, name).bind(3, password_hash).run();
    return changed_rows(connection_) == 1;
}

void AccountStore::set_name_if_none(int64_t user_id, const std::string& name) {
    Statement update(connection_, "UPDATE users SET name = ?2 WHERE id = ?1 AND name IS NULL");
    update.bind(1, user_id).bind(2, name).run();
}

void AccountStore::set_password_hash(int64_t user_id, const std::string& password_hash) {
    Statement update(connection_, "UPDATE users SET password_hash = ?2 WHERE id = ?1");
    update.bind(1, user_id).bind(2, password_hash).run();
}

void AccountStore::record_sign_in(int64_t user_id, core::Instant now) {
    Statement update(connection_, "UPDATE users SET last_sign_in_at = ?2 WHERE id = ?1");
    update.bind(1, user_id).bind(2, now).run();
}

int64_t AccountStore::user_count() {
    Statement query(connection_, "SELECT COUNT(*) FROM users");
    query.step();
    return query.integer(0);
}

int64_t AccountStore::tenant_count() {
    Statement query(connection_, "SELECT COUNT(*) FROM tenants");
    query.step();
    return query.integer(0);
}

std::optional<TenantRecord> AccountStore::tenant(const std::string& slug) {
    Statement query(connection_, std::string("SELECT ") + tenant_columns + " FROM tenants t WHERE t.slug = ?1");
    query.bind(1, slug);
    if (!query.step()) return std::nullopt;
    return read_tenant(query, 0);
}

int64_t AccountStore::add_tenant(const std::string& slug, const std::string& name, const std::string& plan,
                                 const std::optional<std::string>& region, core::Instant now) {
    Statement insert(connection_, "INSERT INTO tenants(slug, name, plan, region, created_at) VALUES(?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, slug).bind(2, name).bind(3, plan).bind(4, region).bind(5, now).run();
    return last_insert_id(connection_);
}

std::vector<TenantRecord> AccountStore::tenants() {
    Statement query(connection_, std::string("SELECT ") + tenant_columns + " FROM tenants t ORDER BY t.slug");
    std::vector<TenantRecord> tenants;
    while (query.step()) tenants.push_back(read_tenant(query, 0));
    return tenants;
}

void AccountStore::set_plan(int64_t tenant_id, const std::string& plan) {
    Statement update(connection_, "UPDATE tenants SET plan = ?2 WHERE id = ?1");
    update.bind(1, tenant_id).bind(2, plan).run();
}

std::vector<int64_t> AccountStore::support_engineer_ids() {
    Statement query(connection_, "SELECT DISTINCT user_id FROM memberships WHERE role = ?1 AND status = ?2 ORDER BY user_id");
    query.bind(1, core::to_string(core::Role::SupportEngineer)).bind(2, core::to_string(core::MembershipStatus::Active));
    std::vector<int64_t> ids;
    while (query.step()) ids.push_back(query.integer(0));
    return ids;
}

std::vector<MembershipRecord> AccountStore::memberships_of(int64_t user_id) {
    Statement query(connection_, membership_query + " WHERE m.user_id = ?1 ORDER BY t.slug");
    query.bind(1, user_id);
    std::vector<MembershipRecord> memberships;
    while (query.step()) memberships.push_back(read_membership(query));
    return memberships;
}

std::vector<MembershipRecord> AccountStore::active_memberships_of(int64_t user_id) {
    Statement query(connection_,
                    membership_query + " WHERE m.user_id = ?1 AND m.status = 'active' ORDER BY t.slug");
    query.bind(1, user_id);
    std::vector<MembershipRecord> memberships;
    while (query.step()) memberships.push_back(read_membership(query));
    return memberships;
}

std::optional<MembershipRecord> AccountStore::membership(int64_t user_id, int64_t tenant_id) {
    Statement query(connection_, membership_query + " WHERE m.user_id = ?1 AND m.tenant_id = ?2");
    query.bind(1, user_id).bind(2, tenant_id);
    if (!query.step()) return std::nullopt;
    return read_membership(query);
}

int64_t AccountStore::add_membership(int64_t user_id, int64_t tenant_id, core::Role role, core::MembershipStatus status,
                                     const std::optional<int64_t>& invited_by, core::Instant invited_at) {
    // Put in as a member rather than invited: joined when added.
    Statement insert(connection_,
                     "INSERT INTO memberships(user_id, tenant_id, role, status, invited_by, invited_at, joined_at)"
                     " VALUES(?1, ?2, ?3, ?4, ?5, ?6, CASE WHEN ?4 = 'invited' THEN NULL ELSE ?6 END)");
    insert.bind(1, user_id).bind(2, tenant_id).bind(3, core::to_string(role)).bind(4, core::to_string(status)).bind(5, invited_by).bind(6, invited_at).run();
    return last_insert_id(connection_);
}

void AccountStore::reinvite(int64_t membership_id, core::Role role, std::optional<int64_t> invited_by, core::Instant now) {
    Statement update(connection_,
                     "UPDATE memberships SET role = ?4, status = 'invited', invited_by = ?2, invited_at = ?3,"
                     " revoked_at = NULL WHERE id = ?1");
    update.bind(1, membership_id).bind(2, invited_by).bind(3, now).bind(4, core::to_string(role)).run();
}

void AccountStore::set_status(int64_t membership_id, core::MembershipStatus status, const std::optional<core::Instant>& revoked_at) {
    Statement update(connection_, "UPDATE memberships SET status = ?2, revoked_at = ?3 WHERE id = ?1");
    update.bind(1, membership_id).bind(2, core::to_string(status)).bind(3, revoked_at).run();
}

void AccountStore::join(int64_t membership_id, core::Instant now) {
    Statement update(connection_,
                     "UPDATE memberships SET status = 'active', revoked_at = NULL, joined_at = COALESCE(joined_at, ?2) WHERE id = ?1");
    update.bind(1, membership_id).bind(2, now).run();
}

}  // namespace web
