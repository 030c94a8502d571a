#include "web/accounts/account_json.hpp"

#include "web/store/unix_time.hpp"

namespace web {

using nlohmann::ordered_json;

namespace {

ordered_json optional_text(const std::optional<std::string>& text) { return text ? ordered_json(*text) : ordered_json(nullptr); }

}  // namespace

ordered_json person_json(const std::string& email, const std::optional<std::string>& name) {
    ordered_json person;
    person["email"] = email;
    person["name"] = optional_text(name);
    return person;
}

ordered_json memberships_json(const std::vector<MembershipRecord>& memberships, const core::Program& program) {
    ordered_json items = ordered_json::array();
    for (const MembershipRecord& membership : memberships) {
        const TenantRecord& tenant = membership.tenant;
        ordered_json item;
        item["tenant"] = tenant.slug;
        item["tenant_name"] = tenant.name;
        item["role"] = core::to_string(membership.role);
        // What the portal shows before a form: the plan the ticket files
        // under, a trial's end, and the region whose status comes first.
        const core::Plan* plan = program.find_plan(tenant.plan);
        std::optional<core::Instant> trial_ends_at;
        if (plan && plan->days && tenant.created_at) trial_ends_at = *tenant.created_at + std::chrono::days{*plan->days};
        item["plan"] = tenant.plan;
        item["trial_ends_at"] = utc_json(trial_ends_at);
        item["region"] = tenant.region ? ordered_json(*tenant.region) : ordered_json(nullptr);
        items.push_back(std::move(item));
    }
    return items;
}

ordered_json session_json(const Caller& caller, const core::Program& program) {
    ordered_json user;
    user["id"] = caller.user_id;
    user["email"] = caller.email;
    user["name"] = optional_text(caller.name);
    ordered_json body;
    body["user"] = std::move(user);
    body["memberships"] = memberships_json(caller.memberships, program);
    body["csrf_token"] = caller.csrf_token;
    return body;
}

ordered_json support_user_json(const SupportUserRow& user) {
    ordered_json json;
    json["id"] = user.id;
    json["email"] = user.email;
    json["name"] = optional_text(user.name);
    json["status"] = core::to_string(user.status);
    json["invited_at"] = utc_text(user.invited_at);
    json["invited_by"] = user.invited_by_email ? person_json(*user.invited_by_email, user.invited_by_name) : ordered_json(nullptr);
    json["last_sign_in_at"] = utc_json(user.last_sign_in_at);
    return json;
}

}  // namespace web
