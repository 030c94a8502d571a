#include "web/admin/operator_routes.hpp"

#include "web/admin/operator_invitations.hpp"
#include "web/admin/tenant_provisioning.hpp"
#include "web/admin/tenant_sso.hpp"
#include "web/sso/company_sign_in_routes.hpp"
#include "web/accounts/account_json.hpp"
#include "web/accounts/account_store.hpp"
#include "web/http/json_response.hpp"
#include "web/http/problem.hpp"
#include "web/mail/mail_delivery.hpp"
#include "web/store/unix_time.hpp"
#include "web/webhooks/webhook_store.hpp"

#include "core/checks/email_address.hpp"

#include <charconv>

namespace web {

namespace {

nlohmann::ordered_json status_json(const std::optional<int>& status) {
    return status ? nlohmann::ordered_json(*status) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json text_json(const std::optional<std::string>& text) {
    return text ? nlohmann::ordered_json(*text) : nlohmann::ordered_json(nullptr);
}

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
    router.add("GET", "/api/v1/admin/webhooks", Access::Operator, [this](ApiCall& call) { list_webhooks(call); });
    router.add("POST", "/api/v1/admin/webhooks", Access::Operator, [this](ApiCall& call) { add_webhook(call); });
    router.add("POST", "/api/v1/admin/webhooks/removals", Access::Operator, [this](ApiCall& call) { remove_webhook(call); });
    router.add("GET", "/api/v1/admin/webhooks/deliveries", Access::Operator, [this](ApiCall& call) { list_deliveries(call); });
    router.add("PUT", "/api/v1/admin/tenants/{tenant}/sso", Access::Operator, [this](ApiCall& call) { set_sign_in(call, false); });
    router.add("DELETE", "/api/v1/admin/tenants/{tenant}/sso", Access::Operator, [this](ApiCall& call) { remove_sign_in(call, false); });
    router.add("PUT", "/api/v1/admin/sso", Access::Operator, [this](ApiCall& call) { set_sign_in(call, true); });
    router.add("DELETE", "/api/v1/admin/sso", Access::Operator, [this](ApiCall& call) { remove_sign_in(call, true); });
}

// The setup as the operator may read it back: never the client secret.
void OperatorRoutes::set_sign_in(ApiCall& call, bool vendor) {
    std::optional<nlohmann::json> body = json_object_body(call.request, call.response);
    if (!body) return;
    std::map<std::string, std::string> errors;
    CompanySignInRequest request;
    if (!vendor) request.slug = call.parameter(0);
    for (auto [key, value] : {std::pair{"issuer", &request.issuer}, std::pair{"client_id", &request.client_id},
                              std::pair{"client_secret", &request.client_secret}}) {
        std::optional<std::string> text = string_member(*body, key);
        if (!text) errors[key] = std::string("Give \"") + key + "\" as a string.";
        else *value = *text;
    }
    auto domains = body->find("domains");
    bool domains_ok = domains != body->end() && domains->is_array();
    if (domains_ok)
        for (const nlohmann::json& domain : *domains) {
            if (!domain.is_string() || domain.get<std::string>().find(',') != std::string::npos) domains_ok = false;
            else request.domains += (request.domains.empty() ? "" : ",") + domain.get<std::string>();
        }
    if (!domains_ok) errors["domains"] = "Give \"domains\" as an array of e-mail domains, such as [\"example.com\"].";
    auto password = body->find("password_sign_in");
    if (password != body->end() && !password->is_null()) {
        if (!password->is_boolean()) errors["password_sign_in"] = "Give \"password_sign_in\" as true or false, or leave it out.";
        else request.password_sign_in = password->get<bool>();
    }
    if (!errors.empty()) return send_field_problems(call.response, 422, errors.begin()->second, errors);
    const CompanySignInChange change = set_company_sign_in(database_, request, call.now);
    if (change.problem) return send_refusal(call.response, change.problem);
    nlohmann::ordered_json answer;
    answer["tenant"] = vendor ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(change.setup->tenant_slug);
    answer["issuer"] = change.setup->issuer;
    answer["client_id"] = change.setup->client_id;
    answer["domains"] = change.setup->domains;
    answer["password_sign_in"] = change.setup->password_sign_in;
    answer["redirect_uri"] = company_sign_in_redirect_uri(address_.url);
    send_json(call.response, 200, answer);
}

void OperatorRoutes::remove_sign_in(ApiCall& call, bool vendor) {
    if (OperatorProblem problem = remove_company_sign_in(database_, vendor ? "" : call.parameter(0)))
        return send_refusal(call.response, problem);
    call.response.status = 204;
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

void OperatorRoutes::list_webhooks(ApiCall& call) {
    const std::vector<WebhookSummary> webhooks = database_.with_connection([](sqlite3* c) { return WebhookStore(c).in_use(); });
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const WebhookSummary& webhook : webhooks) {
        nlohmann::ordered_json item;
        item["url"] = webhook.url;
        item["created_at"] = utc_text(webhook.created_at);
        item["waiting"] = webhook.queued;
        item["delivered"] = webhook.delivered;
        item["last_attempt_at"] = utc_json(webhook.last_attempt_at);
        item["last_status"] = status_json(webhook.last_status);
        item["last_error"] = text_json(webhook.last_error);
        list.push_back(std::move(item));
    }
    send_json(call.response, 200, {{"webhooks", std::move(list)}});
}

void OperatorRoutes::add_webhook(ApiCall& call) {
    auto members = string_members(call, {"url", "secret"});
    if (!members) return;
    const std::string& url = (*members)["url"];
    std::map<std::string, std::string> errors;
    if (std::string problem = webhook_url_problem(url); !problem.empty()) errors["url"] = "The URL will not do: " + problem + ".";
    if (std::string problem = webhook_secret_problem((*members)["secret"]); !problem.empty())
        errors["secret"] = "The secret will not do: " + problem + ".";
    if (!errors.empty()) {
        send_field_problems(call.response, 422, errors.begin()->second, errors);
        return;
    }
    const bool added = database_.with_connection([&](sqlite3* c) { return WebhookStore(c).add(url, (*members)["secret"], call.now); });
    if (!added) {
        send_problem(call.response, 409, url + " receives webhooks already; nothing was changed.");
        return;
    }
    send_json(call.response, 201, {{"url", url}, {"created_at", utc_text(call.now)}});
}

void OperatorRoutes::remove_webhook(ApiCall& call) {
    auto members = string_members(call, {"url"});
    if (!members) return;
    const bool removed = database_.with_connection([&](sqlite3* c) { return WebhookStore(c).remove((*members)["url"], call.now); });
    if (!removed) {
        send_problem(call.response, 404, "No webhook in use has the URL " + (*members)["url"] + ".");
        return;
    }
    send_json(call.response, 200, {{"url", (*members)["url"]}, {"removed", true}});
}

void OperatorRoutes::list_deliveries(ApiCall& call) {
    int limit = 50;
    if (call.request.has_param("limit")) {
        const std::string text = call.request.get_param_value("limit");
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), limit);
        if (error != std::errc() || end != text.data() + text.size() || limit < 1 || limit > 1000) {
            send_field_problems(call.response, 400, "limit is a number from 1 to 1000.", {{"limit", "A number from 1 to 1000."}});
            return;
        }
    }
    const std::vector<DeliveryRow> rows = database_.with_connection([&](sqlite3* c) { return WebhookStore(c).recent(limit); });
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const DeliveryRow& row : rows) {
        nlohmann::ordered_json item;
        item["delivery"] = row.key;
        item["url"] = row.url;
        item["event_id"] = row.event_id;
        item["type"] = row.event_type;
        item["ticket"] = row.ticket_id;
        item["status"] = row.shown_status();
        item["attempts"] = row.attempts;
        item["last_status"] = status_json(row.last_status);
        item["last_error"] = text_json(row.last_error);
        item["last_attempt_at"] = utc_json(row.last_attempt_at);
        item["next_attempt_at"] = utc_json(row.next_attempt_at);
        list.push_back(std::move(item));
    }
    send_json(call.response, 200, {{"deliveries", std::move(list)}});
}

}  // namespace web
