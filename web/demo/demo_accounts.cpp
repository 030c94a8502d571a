#include "web/demo/demo_accounts.hpp"

#include "web/accounts/account_store.hpp"
#include "web/accounts/audit_log.hpp"
#include "web/demo/demo_sequence.hpp"
#include "web/accounts/password_hash.hpp"
#include "web/store/sqlite_statement.hpp"
#include "web/accounts/support_user_invitation.hpp"

#include <algorithm>
#include <map>

namespace web {

namespace {

constexpr std::chrono::hours hour{1};
constexpr std::chrono::days day{1};

// Documentation addresses (RFC 5737): plainly not anyone's.
constexpr const char* demo_address = "192.0.2.10";

// A trial tenant is created so that this many days of its trial are left.
constexpr int trial_days_left = 9;

struct DemoTenant {
    const char* slug;
    const char* name;
    const char* plan;
    const char* region;
    int created_days_ago;     // a trial's: worked out from trial_days_left
    bool has_demo_tickets;    // the demo tickets are dealt to these
};
const DemoTenant demo_tenants[] = {
    {"acme-prod", "Acme (production)", "enterprise", "eu", 400, true},
    {"globex-dev", "Globex (development)", "standard", "americas", 300, true},
    {"initech-trial", "Initech (trial)", "trial", "apac", 0, false},
    {"hooli-free", "Hooli (no plan)", "none", "americas", 120, false},
};

struct DemoMember {
    const char* email;
    const char* name;             // null: has not accepted the invitation yet
    const char* tenant;
    core::Role role;
    core::MembershipStatus status;
    const char* invited_by;       // e-mail; null for the tenants' first admins and the vendor's engineer
    int invited_days_ago;
    int signed_in_hours_ago;      // < 0: never
    int revoked_days_ago;         // for revoked members
};

constexpr core::Role Admin = core::Role::Admin, Engineer = core::Role::SupportEngineer, SupportOnly = core::Role::SupportOnly;
constexpr core::MembershipStatus Active = core::MembershipStatus::Active, Invited = core::MembershipStatus::Invited,
                                 Revoked = core::MembershipStatus::Revoked;

const DemoMember demo_members[] = {
    {"admin@acme.example", "Amara Okafor", "acme-prod", Admin, Active, nullptr, 400, 3, 0},
    {"admin@globex.example", "Gustav Lindqvist", "globex-dev", Admin, Active, nullptr, 300, 26, 0},
    {"owner@multi.example", "Morgan Reyes", "acme-prod", Admin, Active, nullptr, 380, 20, 0},
    {"owner@multi.example", "Morgan Reyes", "globex-dev", Admin, Active, nullptr, 380, 20, 0},
    {"engineer@vendor.example", "Priya Raman", "acme-prod", Engineer, Active, nullptr, 500, 1, 0},
    {"engineer@vendor.example", "Priya Raman", "globex-dev", Engineer, Active, nullptr, 500, 1, 0},
    {"engineer@vendor.example", "Priya Raman", "initech-trial", Engineer, Active, nullptr, 500, 1, 0},
    {"engineer@vendor.example", "Priya Raman", "hooli-free", Engineer, Active, nullptr, 500, 1, 0},
    {"admin@initech.example", "Ines Carvalho", "initech-trial", Admin, Active, nullptr, 13, 5, 0},
    {"admin@hooli.example", "Hank Osei", "hooli-free", Admin, Active, nullptr, 120, 48, 0},
    {"sam.taylor@acme.example", "Sam Taylor", "acme-prod", SupportOnly, Active, "admin@acme.example", 90, 2, 0},
    {"lee.chen@acme.example", "Lee Chen", "acme-prod", SupportOnly, Active, "owner@multi.example", 45, 30, 0},
    {"alex.kim@partner.example", "Alex Kim", "acme-prod", SupportOnly, Active, "admin@acme.example", 60, 50, 0},
    {"alex.kim@partner.example", "Alex Kim", "globex-dev", SupportOnly, Active, "admin@globex.example", 58, 50, 0},
    {"jordan.blake@acme.example", "Jordan Blake", "acme-prod", SupportOnly, Revoked, "admin@acme.example", 200, 960, 12},
    {"dana.whitfield@globex.example", "Dana Whitfield", "globex-dev", SupportOnly, Active, "admin@globex.example", 120, 6, 0},
    {"omar.said@globex.example", "Omar Said", "globex-dev", SupportOnly, Active, "owner@multi.example", 75, 72, 0},
    {"chris.morgan@globex.example", "Chris Morgan", "globex-dev", SupportOnly, Revoked, "admin@globex.example", 150, 480, 5},
    // Invited through the same code as the API, so their e-mail (and link) is in the mailbox.
    {"pending.user@globex.example", nullptr, "globex-dev", SupportOnly, Invited, "admin@globex.example", 2, -1, 0},
    {"new.hire@acme.example", nullptr, "acme-prod", SupportOnly, Invited, "admin@acme.example", 1, -1, 0},
};

// For the synthetic users: names people have, in many combinations.
const char* first_names[] = {"Ada",   "Ben",   "Carla", "Dev",   "Elif",  "Femi",  "Greta", "Hiro",  "Ines",  "Jonas",
                             "Kavya", "Liam",  "Maya",  "Nils",  "Olga",  "Pavel", "Quinn", "Rosa",  "Sven",  "Tara",
                             "Umar",  "Vera",  "Wen",   "Ximena", "Yusuf", "Zoe",  "Aiko",  "Bruno", "Chen",  "Dara"};
const char* last_names[] = {"Abbott", "Berg",    "Costa",  "Diaz",   "Eriksen", "Fischer", "Garcia", "Haddad",
                            "Ito",    "Jensen",  "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Petrov",
                            "Quist",  "Rossi",   "Schmidt", "Tanaka", "Usman",  "Varga",   "Weber",  "Xu",
                            "Yilmaz", "Zhang",   "Andersson", "Bianchi", "Clarke", "Dubois"};
const char* synthetic_domains[] = {"acme.example", "acme-support.example", "contractors.example", "partner.example"};

struct SeedEvent {
    core::Instant at;
    std::string tenant;
    std::string actor;
    std::string action;
    std::string target;
};

}  // namespace

std::string seed_demo_accounts(Database& database, const DemoAccountsSetting& setting, core::Instant now, int64_t& added) {
    added = 0;
    bool empty = database.with_connection([](sqlite3* connection) { return AccountStore(connection).user_count() == 0; });
    if (!empty) return {};   // someone's accounts, or the demo of an earlier start

    // One hash for all: the password is public anyway, and hashing each of
    // 10,000 synthetic users would take minutes.
    std::optional<std::string> password_hash = hash_password(demo_password);
    if (!password_hash) return "cannot hash the demo password (out of memory?)";

    try {
        database.with_connection([&](sqlite3* connection) {
            Transaction transaction(connection);
            AccountStore accounts(connection);
            std::map<std::string, TenantRecord> tenants;
            for (const DemoTenant& tenant : demo_tenants) {
                const int days_ago = std::string(tenant.plan) == "trial" ? std::max(0, setting.trial_days - trial_days_left)
                                                                         : tenant.created_days_ago;
                const core::Instant created_at = now - days_ago * day;
                tenants[tenant.slug] = TenantRecord{accounts.add_tenant(tenant.slug, tenant.name, tenant.plan, tenant.region, created_at),
                                                    tenant.slug, tenant.name, tenant.plan, tenant.region, created_at};
            }

            std::map<std::string, int64_t> user_ids;
            std::vector<SeedEvent> events;
            auto user_id = [&](const DemoMember& member) {
                auto found = user_ids.find(member.email);
                if (found != user_ids.end()) return found->second;
                std::optional<std::string> name, hash;
                if (member.name) {
                    name = member.name;
                    hash = *password_hash;
                }
                int64_t id = accounts.add_user(member.email, name, hash, now - member.invited_days_ago * day);
                if (member.signed_in_hours_ago >= 0) accounts.record_sign_in(id, now - member.signed_in_hours_ago * hour);
                user_ids[member.email] = id;
                added++;
                return id;
            };

            for (const DemoMember& member : demo_members) {
                if (member.status == Invited) continue;
                int64_t id = user_id(member);
                std::optional<int64_t> inviter;
                if (member.invited_by) inviter = user_ids.at(member.invited_by);
                const core::Instant invited_at = now - member.invited_days_ago * day;
                int64_t membership = accounts.add_membership(id, tenants.at(member.tenant).id, member.role, Active, inviter, invited_at);
                if (!member.invited_by) continue;
                events.push_back({invited_at, member.tenant, member.invited_by, "invite", member.email});
                events.push_back({invited_at + hour, member.tenant, member.email, "accept", member.email});
                if (member.status == Revoked) {
                    const core::Instant revoked_at = now - member.revoked_days_ago * day;
                    accounts.set_status(membership, Revoked, revoked_at);
                    events.push_back({revoked_at, member.tenant, member.invited_by, "revoke", member.email});
                }
            }
            // The audit log in the order things happened.
            std::stable_sort(events.begin(), events.end(), [](const SeedEvent& a, const SeedEvent& b) { return a.at < b.at; });
            for (const SeedEvent& event : events)
                write_audit(connection, AuditEvent{event.at, tenants.at(event.tenant).id, user_ids.at(event.actor), event.action,
                                                   user_ids.at(event.target), demo_address});

            for (const DemoMember& member : demo_members) {
                if (member.status != Invited) continue;
                std::optional<UserRecord> inviter = accounts.user_by_id(user_ids.at(member.invited_by));
                InviteRequest request;
                request.email = member.email;
                request.tenants = {tenants.at(member.tenant)};
                request.inviter_id = inviter->id;
                request.inviter_email = inviter->email;
                request.inviter_name = inviter->name;
                request.address = demo_address;
                request.now = now - member.invited_days_ago * day;
                request.public_url = setting.public_url;
                request.product_name = setting.product_name;
                InviteOutcome outcome = invite_support_user(connection, request);
                if (!outcome.conflict.empty()) throw DatabaseError(outcome.conflict);
                added++;
            }

            // Synthetic support-only users of acme-prod: 80 % active, 12 %
            // invited (their invitations long expired), 8 % revoked.
            const int64_t acme = tenants.at("acme-prod").id;
            const int64_t acme_admin = user_ids.at("admin@acme.example");
            DemoSequence random(20260402);
            for (int i = 0; i < setting.synthetic_support_users; i++) {
                const char* first = first_names[random.below(int64_t(std::size(first_names)))];
                const char* last = last_names[random.below(int64_t(std::size(last_names)))];
                const char* domain = synthetic_domains[random.below(int64_t(std::size(synthetic_domains)))];
                std::string email = std::string(first) + "." + last + "." + std::to_string(i + 1) + "@" + domain;
                for (char& c : email)
                    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
                const core::Instant invited_at = now - 30 * day - random.below(365 * day);
                const int64_t roll = random.below(100);
                const core::MembershipStatus status = roll < 80 ? Active : roll < 92 ? Invited : Revoked;
                std::optional<std::string> name, hash;
                if (status != Invited) {
                    name = std::string(first) + " " + last;
                    hash = *password_hash;
                }
                int64_t id = accounts.add_user(email, name, hash, invited_at);
                if (status == Active && random.below(10) < 9)
                    accounts.record_sign_in(id, now - random.below(30 * day));
                int64_t membership = accounts.add_membership(id, acme, SupportOnly, status, acme_admin, invited_at);
                if (status == Revoked) accounts.set_status(membership, Revoked, invited_at + random.below(20 * day));
                added++;
            }
            transaction.commit();
        });
    } catch (const DatabaseError& error) {
        added = 0;
        return error.what();
    }
    return {};
}

std::vector<DemoTicketTenant> demo_ticket_tenants(Database& database) {
    return database.with_connection([](sqlite3* connection) {
        std::vector<DemoTicketTenant> tenants;
        for (const DemoTenant& demo : demo_tenants) {
            if (!demo.has_demo_tickets) continue;
            std::optional<TenantRecord> tenant = AccountStore(connection).tenant(demo.slug);
            if (!tenant) continue;
            // The first few active support-only users (the named ones, added
            // before any synthetic ones), then the admins.
            DemoTicketTenant tickets{demo.slug, {}};
            Statement members(connection,
                              "SELECT user_id FROM memberships WHERE tenant_id = ?1 AND status = 'active'"
                              " AND role IN ('support_only', 'admin') ORDER BY role = 'admin', user_id LIMIT 6");
            members.bind(1, tenant->id);
            while (members.step()) tickets.openers.push_back(members.integer(0));
            tenants.push_back(std::move(tickets));
        }
        return tenants;
    });
}

int64_t give_demo_tenants_the_tickets_without_one(Database& database) {
    return database.with_connection([](sqlite3* connection) {
        Statement update(connection,
                         "UPDATE tickets SET tenant = CASE rowid % 2 WHEN 1 THEN ?1 ELSE ?2 END"
                         " WHERE tenant IS NULL AND EXISTS (SELECT 1 FROM tenants WHERE slug = ?1)"
                         " AND EXISTS (SELECT 1 FROM tenants WHERE slug = ?2)");
        update.bind(1, demo_tenants[0].slug).bind(2, demo_tenants[1].slug).run();
        return int64_t(changed_rows(connection));
    });
}

}  // namespace web
