#include "web/admin/operator_routes.hpp"

#include "web/admin/operator_invitations.hpp"
#include "web/admin/tenant_provisioning.hpp"
#include "web/accounts/account_json.hpp"
#include "web/accounts/account_store.hpp"
#include "web/http/json_response.hpp"
#include "web/http/problem.hpp"
#include "web/mail/mail_delivery.hpp"
#include "web/store/unix_time.hpp"

#include "core/checks/email_address.hpp"

namespace web {

namespace {

nlohmann::ordered_json tenant_json(const TenantRecord& tenant) {
    nlohmann::ordered_json json;
    json["slug"] = tenant.slug;
    json["name"] = tenant.name;
    json["plan"] = tenant.plan;
    json["region"] = tenant.region ? nlohmann::ordered_json(*tenant.region) : nlohmann::ordered_json(nullptr);
    json["created_at"] = utc_json(tenant.created_at);
    return json;
}

void send_refusal(httplib::Response& response, const OperatorProblem& problem) {
    switch (problem.refusal) {
        case OperatorRefusal::BadInput:
            send_field_problems(response, 422, problem.message, {{problem.field, problem.message}});
            return;
        case OperatorRefusal::NotFound: send_problem(response, 404, problem.message); return;
        case OperatorRefusal::Conflict: send_problem(response, 409, problem.message); return;
        case OperatorRefusal::None: break;
    }
    send_problem(response, 500, "A refusal without a reason.");
}

// The string members `keys` of the body (missing ones empty), or nothing
// after answering 400/422 for a body that is no JSON object or a member of another type.
std::optional<std::map<std::string, std::string>> string_members(ApiCall& call, std::initializer_list<const char*> required,
                                                                 std::initializer_list<const char*> optional = {}) {
    std::optional<nlohmann::json> body = json_object_body(call.request, call.response);
    if (!body) return std::nullopt;
    std::map<std::string, std::string> members;
    std::map<std::string, std::string> errors;
    for (const char* key : required) {
        std::optional<std::string> value = string_member(*body, key);
        if (!value) errors[key] = std::string("Give \"") + key + "\" as a string.";
        else members[key] = *value;
    }
    for (const char* key : optional) {
        auto it = body->find(key);
        if (it == body->end() || it->is_null()) continue;
        if (!it->is_string()) errors[key] = std::string("Give \"") + key + "\" as a string, or leave it out.";
        else members[key] = it->get<std::string>();
    }
    if (!errors.empty()) {
        send_field_problems(call.response, 422, errors.begin()->second, errors);
        return std::nullopt;
    }
    return members;
}

}  // namespace

void OperatorRoutes::add_to(ApiRouter& router) {
    router.add("GET", "/api/v1/admin/tenants", Access::Operator, [this](ApiCall& call) { list_tenants(call); });
    router.add("POST", "/api/v1/admin/tenants", Access::Operator, [this](ApiCall& call) { add_tenant(call); });
    router.add("PATCH", "/api/v1/admin/tenants/{tenant}", Access::Operator, [this](ApiCall& call) { change_tenant(call); });
    router.add("POST", "/api/v1/admin/tenants/{tenant}/admins", Access::Operator, [this](ApiCall& call) { invite(call, false); });
    router.add("GET", "/api/v1/admin/engineers", Access::Operator, [this](ApiCall& call) { list_engineers(call); });
    router.add("POST", "/api/v1/admin/engineers", Access::Operator, [this](ApiCall& call) { invite(call, true); });
    router.add("POST", "/api/v1/admin/revocations", Access::Operator, [this](ApiCall& call) { revoke(call); });
}

void OperatorRoutes::list_tenants(ApiCall& call) {
    const std::vector<TenantRecord> tenants = database_.with_connection([](sqlite3* c) { return AccountStore(c).tenants(); });
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const TenantRecord& tenant : tenants) list.push_back(tenant_json(tenant));
    send_json(call.response, 200, {{"tenants", std::move(list)}});
}

void OperatorRoutes::add_tenant(ApiCall& call) {
    auto members = string_members(call, {"slug", "name", "plan", "region"}, {"trial_started"});
    if (!members) return;
    NewTenant tenant{(*members)["slug"], (*members)["name"], (*members)["plan"], (*members)["region"], std::nullopt};
    if (members->count("trial_started")) tenant.trial_started = (*members)["trial_started"];
    const TenantChange change = database_.with_connection([&](sqlite3* c) { return web::add_tenant(c, program_, tenant, call.now); });
    if (change.problem) return send_refusal(call.response, change.problem);
    call.response.set_header("Location", "/api/v1/admin/tenants/" + change.tenant->slug);
    send_json(call.response, 201, tenant_json(*change.tenant));
}

void OperatorRoutes::change_tenant(ApiCall& call) {
    auto members = string_members(call, {"plan"});
    if (!members) return;
    const TenantChange change =
        database_.with_connection([&](sqlite3* c) { return change_plan(c, program_, call.parameter(0), (*members)["plan"]); });
    if (change.problem) return send_refusal(call.response, change.problem);
    send_json(call.response, 200, tenant_json(*change.tenant));
}

void OperatorRoutes::invite(ApiCall& call, bool engineer) {
    auto members = string_members(call, {"email"});
    if (!members) return;
    OperatorInvite invite;
    invite.email = (*members)["email"];
    if (!engineer) invite.tenant = call.parameter(0);
    invite.public_url = address_.url;
    invite.product_name = program_.product_name;
    invite.address = call.request.remote_addr;
    invite.now = call.now;
    const OperatorOutcome outcome = database_.with_connection([&](sqlite3* c) { return operator_invite(c, invite); });
    if (outcome.problem) return send_refusal(call.response, outcome.problem);
    mail_.mail_queued();
    nlohmann::ordered_json body;
    body["email"] = core::normalize_email_address(invite.email);
    body["role"] = engineer ? "support_engineer" : "admin";
    body["tenants"] = outcome.tenants;
    body["link"] = outcome.link;
    body["expires_at"] = utc_text(outcome.expires_at);
    send_json(call.response, 201, body);
}

void OperatorRoutes::list_engineers(ApiCall& call) {
    const std::vector<EngineerRow> rows = database_.with_connection([](sqlite3* c) { return support_engineers(c); });
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const EngineerRow& row : rows) {
        nlohmann::ordered_json item = person_json(row.email, row.name);
        item["status"] = row.status;
        item["tenants"] = row.tenants;
        list.push_back(std::move(item));
    }
    send_json(call.response, 200, {{"engineers", std::move(list)}});
}

void OperatorRoutes::revoke(ApiCall& call) {
    auto members = string_members(call, {"email"});
    if (!members) return;
    if (core::normalize_email_address((*members)["email"]) == call.caller->email) {
        send_problem(call.response, 409, "An operator cannot revoke itself here; another operator or ./portal admin revoke can.");
        return;
    }
    const OperatorOutcome outcome = database_.with_connection(
        [&](sqlite3* c) { return operator_revoke(c, (*members)["email"], call.now, call.request.remote_addr); });
    if (outcome.problem) return send_refusal(call.response, outcome.problem);
    nlohmann::ordered_json body;
    body["email"] = core::normalize_email_address((*members)["email"]);
    body["revoked_in"] = outcome.tenants;
    body["was_operator"] = outcome.was_operator;
    send_json(call.response, 200, body);
}

}  // namespace web
