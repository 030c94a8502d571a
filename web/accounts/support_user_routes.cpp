#include "web/accounts/support_user_routes.hpp"

#include "web/accounts/account_json.hpp"
#include "web/accounts/account_store.hpp"
#include "web/accounts/audit_log.hpp"
#include "web/http/conditional_request.hpp"
#include "web/http/idempotent_post.hpp"
#include "web/http/json_response.hpp"
#include "web/http/problem.hpp"
#include "web/http/response_body.hpp"
#include "web/accounts/session_store.hpp"
#include "web/store/sqlite_statement.hpp"
#include "web/accounts/support_user_invitation.hpp"
#include "web/accounts/support_user_list.hpp"
#include "web/accounts/support_user_query.hpp"
#include "web/accounts/tenant_access.hpp"
#include "web/store/unix_time.hpp"

#include "core/checks/email_address.hpp"

#include <charconv>
#include <map>

namespace web {

using nlohmann::ordered_json;

namespace {

std::optional<int64_t> user_id_of(const std::string& text) {
    int64_t id = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc() || end != text.data() + text.size() || id < 1) return std::nullopt;
    return id;
}

void send_no_such_user(httplib::Response& response, const std::string& id, const std::string& tenant) {
    send_problem(response, 404, "There is no support user " + id + " in " + tenant + ".");
}

// Open tickets the user opened in the tenants the caller administers.
int64_t open_tickets(sqlite3* connection, int64_t user_id, const std::vector<std::string>& tenants) {
    if (tenants.empty()) return 0;
    std::string sql = "SELECT COUNT(*) FROM tickets WHERE opened_by = ?1 AND status = 'open' AND tenant IN (";
    for (size_t i = 0; i < tenants.size(); i++) sql += (i ? ", ?" : "?") + std::to_string(i + 2);
    Statement count(connection, sql + ")");
    count.bind(1, user_id);
    for (size_t i = 0; i < tenants.size(); i++) count.bind(int(i + 2), tenants[i]);
    count.step();
    return count.integer(0);
}

// The details of one support user of the tenant, as far as the caller may
// see: their memberships in the tenants the caller administers only.
std::optional<ordered_json> details_json(sqlite3* connection, const Caller& caller, int64_t tenant_id, int64_t user_id) {
    std::optional<SupportUserRow> user = find_support_user(connection, tenant_id, user_id);
    if (!user) return std::nullopt;
    std::vector<std::string> administered;
    for (const MembershipRecord& membership : caller.memberships)
        if (membership.role == core::Role::Admin) administered.push_back(membership.tenant.slug);

    ordered_json tenants = ordered_json::array();
    for (const MembershipRecord& membership : AccountStore(connection).memberships_of(user_id)) {
        if (std::find(administered.begin(), administered.end(), membership.tenant.slug) == administered.end()) continue;
        ordered_json tenant;
        tenant["tenant"] = membership.tenant.slug;
        tenant["tenant_name"] = membership.tenant.name;
        tenant["status"] = core::to_string(membership.status);
        tenant["role"] = core::to_string(membership.role);
        tenants.push_back(std::move(tenant));
    }
    ordered_json json = support_user_json(*user);
    // The documented order: id, email, name, status, tenants, invited_by, invited_at, last_sign_in_at, open_tickets.
    ordered_json details;
    for (const char* key : {"id", "email", "name", "status"}) details[key] = json[key];
    details["tenants"] = std::move(tenants);
    for (const char* key : {"invited_by", "invited_at", "last_sign_in_at"}) details[key] = json[key];
    details["open_tickets"] = open_tickets(connection, user_id, administered);
    return details;
}

constexpr IdempotentPurpose invitation_purpose = {"invitation", "invite twice"};

// The tenants an invitation names, without repeats; left out, the one whose
// users are being managed. Problems go to errors["tenants"].
std::vector<std::string> listed_tenants(const nlohmann::json& body, const std::string& path_tenant,
                                        std::map<std::string, std::string>& errors) {
    std::vector<std::string> slugs;
    auto listed = body.find("tenants");
    if (listed == body.end()) return {path_tenant};
    if (!listed->is_array()) {
        errors["tenants"] = "List the tenants to invite to, like [\"" + path_tenant + "\"].";
        return slugs;
    }
    for (const nlohmann::json& item : *listed) {
        if (!item.is_string()) {
            errors["tenants"] = "List the tenants by their names, like [\"" + path_tenant + "\"].";
            return slugs;
        }
        std::string slug = item.get<std::string>();
        if (std::find(slugs.begin(), slugs.end(), slug) == slugs.end()) slugs.push_back(slug);
    }
    if (slugs.empty())
        errors["tenants"] = "Choose at least one tenant.";
    else if (std::find(slugs.begin(), slugs.end(), path_tenant) == slugs.end())
        errors["tenants"] = "Include " + path_tenant + ", the tenant whose users you are managing here.";
    return slugs;
}

}  // namespace

void SupportUserRoutes::add_to(ApiRouter& router) {
    const std::string base = "/api/v1/tenants/{tenant}/support-users";
    router.add("GET", base, Access::SignedIn, [this](ApiCall& call) { list(call); });
    router.add("POST", base, Access::SignedIn, [this](ApiCall& call) { invite(call); });
    router.add("GET", base + "/{id}", Access::SignedIn, [this](ApiCall& call) { details(call); });
    router.add("POST", base + "/{id}/revoke", Access::SignedIn, [this](ApiCall& call) { revoke(call); });
}

void SupportUserRoutes::list(ApiCall& call) {
    const MembershipRecord* admin = tenant_admin_or_refuse(*call.caller, call.parameter(0), call.response);
    if (!admin) return;
    core::Parsed<SupportUserQuery> parsed = parse_support_user_query(call.request);
    if (!parsed.value) {
        send_problem(call.response, 400, parsed.error);
        return;
    }
    const SupportUserQuery& query = *parsed.value;
    SupportUserPage page =
        database_.with_connection([&](sqlite3* connection) { return list_support_users(connection, admin->tenant.id, query); });

    ordered_json items = ordered_json::array();
    for (const SupportUserRow& row : page.rows) items.push_back(support_user_json(row));
    ordered_json body;
    body["items"] = std::move(items);
    body["next_cursor"] = page.more ? ordered_json(encode_support_user_cursor(query, page.rows.back())) : ordered_json(nullptr);
    body["total"] = page.total;
    send_tagged_json(call, body, json_etag(body));
}

void SupportUserRoutes::invite(ApiCall& call) {
    const Caller& caller = *call.caller;
    const std::string& path_tenant = call.parameter(0);
    const MembershipRecord* path_admin = tenant_admin_or_refuse(caller, path_tenant, call.response);
    if (!path_admin) return;

    std::optional<IdempotentPost> post = begin_idempotent_post(call, database_, invitation_purpose);
    if (!post) return;
    const nlohmann::json& body = post->body;

    std::map<std::string, std::string> errors;
    const std::string email = core::normalize_email_address(string_member(body, "email").value_or(""));
    if (std::string problem = core::email_address_problem(email); !problem.empty()) errors["email"] = problem;

    std::vector<std::string> slugs = listed_tenants(body, path_tenant, errors);
    if (!errors.empty()) {
        send_field_problems(call.response, 400, errors.size() == 1 && errors.count("email") ? errors["email"] : "Check the invitation.",
                            errors);
        return;
    }

    std::vector<TenantRecord> tenants;
    for (const std::string& slug : slugs) {
        const MembershipRecord* membership = caller.membership_in(slug);
        if (!membership) {
            send_no_such_tenant(call.response, slug);
            return;
        }
        if (membership->role != core::Role::Admin) {
            send_problem(call.response, 403, "Only admins of " + slug + " can invite users to it.");
            return;
        }
        tenants.push_back(membership->tenant);
    }

    InviteRequest request;
    request.email = email;
    request.tenants = tenants;
    request.inviter_id = caller.user_id;
    request.inviter_email = caller.email;
    request.inviter_name = caller.name;
    request.address = call.request.remote_addr;
    request.now = call.now;
    request.public_url = address_.url;
    request.product_name = product_name_;

    bool invited = answer_idempotent_post(call, database_, *post, invitation_purpose, [&](sqlite3* connection) {
        InviteOutcome outcome = invite_support_user(connection, request);
        if (!outcome.conflict.empty()) return StoredAnswer{"", 409, problem_body(409, outcome.conflict)};
        ordered_json invitation;
        invitation["id"] = outcome.invitation_id;
        invitation["email"] = email;
        invitation["tenants"] = slugs;
        invitation["expires_at"] = utc_text(outcome.expires_at);
        ordered_json created;
        created["invitation"] = std::move(invitation);
        // As a member of the tenant in the path, the list this answer updates.
        std::optional<SupportUserRow> user = find_support_user(connection, path_admin->tenant.id, outcome.user_id);
        created["user"] = user ? support_user_json(*user) : ordered_json(nullptr);
        return StoredAnswer{"", 201, json_text(created)};
    });
    if (invited && call.response.status == 201) mail_.mail_queued();
}

void SupportUserRoutes::details(ApiCall& call) {
    const MembershipRecord* admin = tenant_admin_or_refuse(*call.caller, call.parameter(0), call.response);
    if (!admin) return;
    std::optional<int64_t> user_id = user_id_of(call.parameter(1));
    std::optional<ordered_json> details;
    if (user_id)
        details = database_.with_connection(
            [&](sqlite3* connection) { return details_json(connection, *call.caller, admin->tenant.id, *user_id); });
    if (!details) {
        send_no_such_user(call.response, call.parameter(1), admin->tenant.slug);
        return;
    }
    send_tagged_json(call, *details, json_etag(*details));
}

void SupportUserRoutes::revoke(ApiCall& call) {
    const MembershipRecord* admin = tenant_admin_or_refuse(*call.caller, call.parameter(0), call.response);
    if (!admin) return;
    std::optional<int64_t> user_id = user_id_of(call.parameter(1));
    std::optional<ordered_json> details;
    bool stale_copy = false;   // If-Match names a copy of the user older than they now are
    if (user_id) {
        details = database_.with_connection([&](sqlite3* connection) -> std::optional<ordered_json> {
            Transaction transaction(connection);
            AccountStore accounts(connection);
            std::optional<MembershipRecord> membership = accounts.membership(*user_id, admin->tenant.id);
            if (!membership || membership->role != core::Role::SupportOnly) return std::nullopt;
            stale_copy = !if_match_allows(call.request, [&] {
                return json_etag(details_json(connection, *call.caller, admin->tenant.id, *user_id).value_or(ordered_json()));
            });
            if (stale_copy) return std::nullopt;
            // Revoking twice changes nothing and logs nothing more.
            if (membership->status != core::MembershipStatus::Revoked) {
                accounts.set_status(membership->id, core::MembershipStatus::Revoked, call.now);
                // Access ends now: with no other active membership the user's
                // sessions go; otherwise every request reads the memberships
                // afresh and this tenant is simply no longer among them.
                if (accounts.active_memberships_of(*user_id).empty()) SessionStore(connection).close_all_of(*user_id);
                write_audit(connection, AuditEvent{call.now, admin->tenant.id, call.caller->user_id, "revoke", *user_id,
                                                   call.request.remote_addr});
            }
            std::optional<ordered_json> json = details_json(connection, *call.caller, admin->tenant.id, *user_id);
            transaction.commit();
            return json;
        });
    }
    if (stale_copy) {
        const std::string path = "/api/v1/tenants/" + admin->tenant.slug + "/support-users/" + call.parameter(1);
        send_problem(call.response, 412, changed_since_read("Support user " + call.parameter(1), path));
        return;
    }
    if (!details) {
        send_no_such_user(call.response, call.parameter(1), admin->tenant.slug);
        return;
    }
    send_json(call.response, 200, *details);
    call.response.set_header("ETag", json_etag(*details));
}

}  // namespace web
