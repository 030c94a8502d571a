#include "web/admin/tenant_provisioning.hpp"

#include "core/checks/account_fields.hpp"
#include "core/checks/tenant_slug.hpp"
#include "web/store/sqlite_statement.hpp"

#include <date/date.h>

#include <algorithm>
#include <charconv>

namespace web {

namespace {

std::string plan_ids(const core::Program& program) {
    std::string ids;
    for (const core::Plan& plan : program.plans) ids += (ids.empty() ? "" : ", ") + plan.id;
    return ids;
}

const core::Plan* find_plan(const core::Program& program, const std::string& id) {
    for (const core::Plan& plan : program.plans)
        if (plan.id == id) return &plan;
    return nullptr;
}

// "2026-11-30" as midnight UTC of that day; none unless a real calendar date.
std::optional<core::Instant> calendar_day(const std::string& text) {
    int year = 0;
    unsigned month = 0, day = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto number = [&](size_t at, size_t length, auto& out) {
        const char* first = text.data() + at;
        auto [end, error] = std::from_chars(first, first + length, out);
        return error == std::errc() && end == first + length;
    };
    if (!number(0, 4, year) || !number(5, 2, month) || !number(8, 2, day)) return std::nullopt;
    const date::year_month_day ymd{date::year{year}, date::month{month}, date::day{day}};
    if (!ymd.ok()) return std::nullopt;
    return core::Instant{date::sys_days{ymd}};
}

TenantChange refused(std::string problem) {
    TenantChange change;
    change.problem = std::move(problem);
    change.refused_input = true;
    return change;
}

}  // namespace

TenantChange add_tenant(sqlite3* connection, const core::Program& program, NewTenant tenant, core::Instant now) {
    if (std::string problem = core::tenant_slug_problem(tenant.slug); !problem.empty())
        return refused("--slug " + tenant.slug + ": " + problem);
    tenant.name = core::normalize_name(tenant.name);
    if (tenant.name.empty()) return refused("--name is empty: give the tenant's name as its people know it.");
    if (std::string problem = core::name_problem(tenant.name); !problem.empty()) return refused("--name: " + problem);
    const core::Plan* plan = find_plan(program, tenant.plan);
    if (!plan) return refused("--plan " + tenant.plan + " is not a plan of the support program (" + plan_ids(program) + ").");
    if (std::none_of(program.regions.begin(), program.regions.end(),
                     [&](const core::Region& region) { return region.id == tenant.region; })) {
        std::string ids;
        for (const core::Region& region : program.regions) ids += (ids.empty() ? "" : ", ") + region.id;
        return refused("--region " + tenant.region + " is not a region of the support program (" + ids + ").");
    }
    core::Instant created_at = now;
    if (tenant.trial_started) {
        if (!plan->days)
            return refused("--trial-started is only for a trial plan; " + plan->id + " has no trial days.");
        std::optional<core::Instant> day = calendar_day(*tenant.trial_started);
        if (!day) return refused("--trial-started " + *tenant.trial_started + " is not a date written YYYY-MM-DD.");
        if (*day > now) return refused("--trial-started " + *tenant.trial_started + " is in the future.");
        created_at = *day;
    }

    Transaction transaction(connection);
    AccountStore accounts(connection);
    TenantChange change;
    if (accounts.tenant(tenant.slug)) {
        change.problem = "a tenant " + tenant.slug + " exists already; nothing was changed.";
        return change;
    }
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
    if (std::string problem = core::tenant_slug_problem(slug); !problem.empty()) return refused(slug + ": " + problem);
    if (!find_plan(program, plan_id))
        return refused(plan_id + " is not a plan of the support program (" + plan_ids(program) + ").");

    Transaction transaction(connection);
    AccountStore accounts(connection);
    TenantChange change;
    std::optional<TenantRecord> tenant = accounts.tenant(slug);
    if (!tenant) {
        change.problem = "there is no tenant " + slug + " (./portal admin tenant list shows them).";
        return change;
    }
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
