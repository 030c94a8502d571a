#include "core/model/account.hpp"

#include "core/text/json_reader.hpp"

#include <nlohmann/json.hpp>

namespace core {

namespace {

using nlohmann::json;

struct Fail {
    std::string message;
};

std::string text(const json& object, const char* key, const std::string& path, bool required = true) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        if (required) throw Fail{path + key + ": missing"};
        return {};
    }
    if (!it->is_string()) throw Fail{path + key + ": expected text"};
    return it->get<std::string>();
}

const json& array(const json& object, const char* key, const std::string& path) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_array()) throw Fail{path + key + ": missing or not a list"};
    return *it;
}

// The "id" member, which the service sends as a whole number or as text. A
// fraction is neither: 1e300 does not even fit a long long.
std::string id_text(const json& object, const std::string& path) {
    auto it = object.find("id");
    if (it == object.end() || !it->is_number_integer()) return text(object, "id", path);
    return it->is_number_unsigned() ? std::to_string(it->get<std::uint64_t>()) : std::to_string(it->get<std::int64_t>());
}

// {"email": ..., "name": ...} or a bare e-mail string.
std::string person(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_object() && it->contains("email") && (*it)["email"].is_string()) return (*it)["email"].get<std::string>();
    return {};
}

MembershipStatus membership_status(const json& object, const std::string& path) {
    const std::string word = text(object, "status", path);
    std::optional<MembershipStatus> status = parse_membership_status(word);
    if (!status) throw Fail{path + "status: unknown status \"" + word + "\""};
    return *status;
}

std::vector<Membership> memberships(const json& list, const std::string& path) {
    std::vector<Membership> out;
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string at = path + "[" + std::to_string(i) + "].";
        if (!list[i].is_object()) throw Fail{at + ": expected an object"};
        Membership m;
        m.tenant = text(list[i], "tenant", at);
        m.tenant_name = text(list[i], "tenant_name", at, false);
        m.role = parse_role(text(list[i], "role", at, false));
        m.plan = text(list[i], "plan", at, false);
        m.region = text(list[i], "region", at, false);
        m.trial_ends_at = text(list[i], "trial_ends_at", at, false);
        out.push_back(std::move(m));
    }
    return out;
}

SupportUser support_user(const json& j, const std::string& path) {
    if (!j.is_object()) throw Fail{path + ": expected an object"};
    SupportUser u;
    u.id = id_text(j, path + ".");
    u.email = text(j, "email", path + ".");
    u.name = text(j, "name", path + ".", false);
    u.status = membership_status(j, path + ".");
    u.invited_at = text(j, "invited_at", path + ".", false);
    u.invited_by = person(j, "invited_by");
    u.last_sign_in_at = text(j, "last_sign_in_at", path + ".", false);
    return u;
}

template <typename T, typename F>
Parsed<T> parse_with(std::string_view json_text, const char* what, F read) {
    json doc = read_json(json_text);
    if (doc.is_discarded() || !doc.is_object()) return {std::nullopt, std::string(what) + " is not a JSON object"};
    try {
        return {read(doc), {}};
    } catch (const Fail& fail) {
        return {std::nullopt, fail.message};
    }
}

}  // namespace

const Membership* Account::membership(std::string_view tenant) const {
    for (const Membership& m : memberships)
        if (m.tenant == tenant) return &m;
    return nullptr;
}

bool Account::is_admin_of(std::string_view tenant) const {
    const Membership* m = membership(tenant);
    return m && m->role == Role::Admin;
}

bool Account::administers_any() const {
    for (const Membership& m : memberships)
        if (m.role == Role::Admin) return true;
    return false;
}

Parsed<Account> parse_account(std::string_view json_text) {
    return parse_with<Account>(json_text, "the session", [](const json& doc) {
        Account a;
        auto user = doc.find("user");
        if (user == doc.end() || !user->is_object()) throw Fail{"user: missing"};
        a.id = id_text(*user, "user.");
        a.email = text(*user, "email", "user.");
        a.name = text(*user, "name", "user.", false);
        a.memberships = memberships(array(doc, "memberships", ""), "memberships");
        a.csrf_token = text(doc, "csrf_token", "");
        return a;
    });
}

Parsed<SupportUserPage> parse_support_user_page(std::string_view json_text) {
    return parse_with<SupportUserPage>(json_text, "the user list", [](const json& doc) {
        SupportUserPage page;
        const json& items = array(doc, "items", "");
        for (size_t i = 0; i < items.size(); ++i) page.items.push_back(support_user(items[i], "items[" + std::to_string(i) + "]"));
        page.next_cursor = text(doc, "next_cursor", "", false);
        if (doc.contains("total") && doc["total"].is_number_integer()) page.total = doc["total"].get<int>();
        return page;
    });
}

Parsed<SupportUserDetails> parse_support_user_details(std::string_view json_text) {
    return parse_with<SupportUserDetails>(json_text, "the user", [](const json& doc) {
        SupportUserDetails d;
        d.user = support_user(doc, "user");
        if (doc.contains("tenants") && doc["tenants"].is_array()) {
            const json& list = doc["tenants"];
            for (size_t i = 0; i < list.size(); ++i) {
                const std::string at = "tenants[" + std::to_string(i) + "].";
                if (!list[i].is_object()) throw Fail{at + ": expected an object"};
                d.tenants.push_back({text(list[i], "tenant", at), text(list[i], "tenant_name", at, false),
                                     membership_status(list[i], at)});
            }
        }
        if (doc.contains("open_tickets") && doc["open_tickets"].is_number_integer()) d.open_tickets = doc["open_tickets"].get<int>();
        return d;
    });
}

Parsed<AuditPage> parse_audit_page(std::string_view json_text) {
    return parse_with<AuditPage>(json_text, "the audit log", [](const json& doc) {
        AuditPage page;
        std::vector<AuditEntry>& out = page.items;
        const json& items = array(doc, "items", "");
        for (size_t i = 0; i < items.size(); ++i) {
            const std::string at = "items[" + std::to_string(i) + "].";
            if (!items[i].is_object()) throw Fail{at + ": expected an object"};
            out.push_back({text(items[i], "at", at), person(items[i], "actor"), text(items[i], "action", at),
                           person(items[i], "target"), text(items[i], "address", at, false)});
        }
        page.next_cursor = text(doc, "next_cursor", "", false);
        return page;
    });
}

Parsed<Invitation> parse_invitation(std::string_view json_text) {
    return parse_with<Invitation>(json_text, "the invitation", [](const json& doc) {
        Invitation inv;
        inv.email = text(doc, "email", "");
        inv.invited_by = person(doc, "invited_by");
        inv.expires_at = text(doc, "expires_at", "", false);
        if (doc.contains("tenants") && doc["tenants"].is_array()) inv.tenants = memberships(doc["tenants"], "tenants");
        inv.existing_account = doc.contains("existing_account") && doc["existing_account"].is_boolean() &&
                               doc["existing_account"].get<bool>();
        return inv;
    });
}

Problem parse_problem(std::string_view json_text, int status) {
    Problem p;
    json doc = read_json(json_text);
    if (doc.is_object()) {
        if (doc.contains("detail") && doc["detail"].is_string()) p.message = doc["detail"].get<std::string>();
        else if (doc.contains("title") && doc["title"].is_string()) p.message = doc["title"].get<std::string>();
        // Either {"field": "message"} or [{"field": ..., "message": ...}].
        if (doc.contains("errors") && doc["errors"].is_object())
            for (auto it = doc["errors"].begin(); it != doc["errors"].end(); ++it)
                if (it->is_string()) p.field_errors[it.key()] = it->get<std::string>();
        if (doc.contains("errors") && doc["errors"].is_array())
            for (const json& e : doc["errors"])
                if (e.is_object() && e.contains("field") && e["field"].is_string() && e.contains("message") &&
                    e["message"].is_string())
                    p.field_errors[e["field"].get<std::string>()] = e["message"].get<std::string>();
    }
    if (p.message.empty())
        p.message = status == 0 ? "The service could not be reached. Check your connection and try again."
                                : "The service answered with an error (HTTP " + std::to_string(status) + ").";
    return p;
}

}  // namespace core
