#include "web/admin/tenant_provisioning.hpp"

#include "core/checks/account_fields.hpp"
#include "core/checks/tenant_slug.hpp"
#include "core/text/calendar_date.hpp"
#include "web/store/sqlite_statement.hpp"

namespace web {

namespace {

// "standard, enterprise, ...": the ids a message offers instead of a wrong one.
template <class Items>
std::string ids_of(const Items& items) {
    std::string ids;
    for (const auto& item : items) ids += (ids.empty() ? "" : ", ") + item.id;
    return ids;
}

TenantChange refused(OperatorProblem problem) {
    TenantChange change;
    change.problem = std::move(problem);
    return change;
}

TenantChange refused(const char* field, std::string message) { return refused(bad_input(field, std::move(message))); }

}  // namespace

TenantChange add_tenant(sqlite3* connection, const core::Program& program, NewTenant tenant, core::Instant now) {
    if (std::string problem = core::tenant_slug_problem(tenant.slug); !problem.empty()) return refused("slug", problem);
    tenant.name = core::normalize_name(tenant.name);
    if (tenant.name.empty()) return refused("name", "Give the tenant's name as its people know it.");
    if (std::string problem = core::name_problem(tenant.name); !problem.empty()) return refused("name", problem);
    const core::Plan* plan = program.find_plan(tenant.plan);
    if (!plan) return refused("plan", "Choose a plan of the support program: " + ids_of(program.plans) + ".");
    if (!program.find_region(tenant.region))
        return refused("region", "Choose a region of the support program: " + ids_of(program.regions) + ".");
    core::Instant created_at = now;
    if (tenant.trial_started) {
        if (!plan->days) return refused("trial_started", "Only a trial plan has a start; " + plan->id + " has no trial days.");
        const std::optional<date::year_month_day> day = core::parse_calendar_date(*tenant.trial_started);
        if (!day) return refused("trial_started", "Write the day as YYYY-MM-DD, a date that exists.");
        created_at = date::sys_days{*day};   // midnight UTC of that day
        if (created_at > now) return refused("trial_started", "The trial cannot start in the future.");
    }

    Transaction transaction(connection);
    AccountStore accounts(connection);
    TenantChange change;
    if (accounts.tenant(tenant.slug))
        return refused({OperatorRefusal::Conflict, "", "A tenant " + tenant.slug + " exists already; nothing was changed."});
    const int64_t id = accounts.add_tenant(tenant.slug, tenant.name, tenant.plan, tenant.region, created_at);
    for (int64_t engineer : accounts.support_engineer_ids()) {
        const int64_t membership = accounts.add_membership(engineer, id, core::Role::SupportEngineer,
                                                           core::MembershipStatus::Active, std::nullopt, now);
        accounts.join(membership, now);
    }
    change.tenant = accounts.tenant(tenant.slug);
    transaction.commit();
    return change;
}

TenantChange change_plan(sqlite3* connection, const core::Program& program, const std::string& slug,
                         const std::string& plan_id) {
    if (std::string problem = core::tenant_slug_problem(slug); !problem.empty()) return refused("slug", problem);
    if (!program.find_plan(plan_id))
        return refused("plan", "Choose a plan of the support program: " + ids_of(program.plans) + ".");

    Transaction transaction(connection);
    AccountStore accounts(connection);
    TenantChange change;
    std::optional<TenantRecord> tenant = accounts.tenant(slug);
    if (!tenant) return refused({OperatorRefusal::NotFound, "", "There is no tenant " + slug + "."});
    if (tenant->plan == plan_id) {
        change.unchanged = true;
    } else {
        accounts.set_plan(tenant->id, plan_id);
        tenant->plan = plan_id;
    }
    change.tenant = tenant;
    transaction.commit();
    return change;
}

}  // namespace web
