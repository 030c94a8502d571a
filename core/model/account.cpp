#include "core/model/account.hpp"

#include "core/text/json_member_reader.hpp"
#include "core/text/json_reader.hpp"

#include <nlohmann/json.hpp>

namespace core {

namespace {

using nlohmann::json;

// Paths here end in '.' ("user."), or are empty at the top: path + key
// names a member. The first problem is kept as "path: what is wrong".

bool text(JsonMemberReader& r, const json& object, const char* key, const std::string& path, std::string& out,
          bool required = true) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return !required || r.fail(path + key, "missing");
    if (!it->is_string()) return r.fail(path + key, "expected text");
    out = it->get<std::string>();
    return true;
}

const json* array(JsonMemberReader& r, const json& object, const char* key, const std::string& path) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_array()) {
        r.fail(path + key, "missing or not a list");
        return nullptr;
    }
    return &*it;
}

// The "id" member, which the service sends as a whole number or as text. A
// fraction is neither: 1e300 does not even fit a long long.
bool id_text(JsonMemberReader& r, const json& object, const std::string& path, std::string& out) {
    auto it = object.find("id");
    if (it == object.end() || !it->is_number_integer()) return text(r, object, "id", path, out);
    out = it->is_number_unsigned() ? std::to_string(it->get<std::uint64_t>()) : std::to_string(it->get<std::int64_t>());
    return true;
}

// {"email": ..., "name": ...} or a bare e-mail string.
std::string person(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_object() && it->contains("email") && (*it)["email"].is_string()) return (*it)["email"].get<std::string>();
    return {};
}

bool membership_status(JsonMemberReader& r, const json& object, const std::string& path, MembershipStatus& out) {
    std::string word;
    if (!text(r, object, "status", path, word)) return false;
    std::optional<MembershipStatus> status = parse_membership_status(word);
    if (!status) return r.fail(path + "status", "unknown status \"" + word + "\"");
    out = *status;
    return true;
}

// An element of a list at "items[0]": an object, or the problem recorded.
bool is_object_at(JsonMemberReader& r, const json& element, const std::string& at) {
    return element.is_object() || r.fail(at, "expected an object");
}

bool memberships(JsonMemberReader& r, const json& list, const std::string& path, std::vector<Membership>& out) {
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string element = path + "[" + std::to_string(i) + "]";
        const std::string at = element + ".";
        if (!is_object_at(r, list[i], element)) return false;
        Membership m;
        std::string role;
        if (!text(r, list[i], "tenant", at, m.tenant) || !text(r, list[i], "tenant_name", at, m.tenant_name, false) ||
            !text(r, list[i], "role", at, role, false) || !text(r, list[i], "plan", at, m.plan, false) ||
            !text(r, list[i], "region", at, m.region, false) ||
            !text(r, list[i], "trial_ends_at", at, m.trial_ends_at, false))
            return false;
        m.role = parse_role(role);
        out.push_back(std::move(m));
    }
    return true;
}

bool support_user(JsonMemberReader& r, const json& j, const std::string& path, SupportUser& u) {
    if (!is_object_at(r, j, path)) return false;
    const std::string at = path + ".";
    u.invited_by = person(j, "invited_by");
    return id_text(r, j, at, u.id) && text(r, j, "email", at, u.email) && text(r, j, "name", at, u.name, false) &&
           membership_status(r, j, at, u.status) && text(r, j, "invited_at", at, u.invited_at, false) &&
           text(r, j, "last_sign_in_at", at, u.last_sign_in_at, false);
}

// `read(reader, doc, value)` fills the value from the document, or records why not.
template <typename T, typename F>
Parsed<T> parse_with(std::string_view json_text, const char* what, F read) {
    json doc = read_json(json_text);
    if (doc.is_discarded() || !doc.is_object()) return {std::nullopt, std::string(what) + " is not a JSON object"};
    JsonMemberReader r;
    T value;
    if (!read(r, doc, value)) return {std::nullopt, r.error};
    return {std::move(value), {}};
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

bool Account::supports_any() const {
    for (const Membership& m : memberships)
        if (m.role == Role::SupportEngineer) return true;
    return false;
}

bool Account::administers_any() const {
    for (const Membership& m : memberships)
        if (m.role == Role::Admin) return true;
    return false;
}

Parsed<Account> parse_account(std::string_view json_text) {
    return parse_with<Account>(json_text, "the session", [](JsonMemberReader& r, const json& doc, Account& a) {
        auto user = doc.find("user");
        if (user == doc.end() || !user->is_object()) return r.fail("user", "missing");
        const json* list = nullptr;
        return id_text(r, *user, "user.", a.id) && text(r, *user, "email", "user.", a.email) &&
               text(r, *user, "name", "user.", a.name, false) && (list = array(r, doc, "memberships", "")) &&
               memberships(r, *list, "memberships", a.memberships) && text(r, doc, "csrf_token", "", a.csrf_token);
    });
}

Parsed<SupportUserPage> parse_support_user_page(std::string_view json_text) {
    return parse_with<SupportUserPage>(json_text, "the user list", [](JsonMemberReader& r, const json& doc, SupportUserPage& page) {
        const json* items = array(r, doc, "items", "");
        if (!items) return false;
        page.items.resize(items->size());
        for (size_t i = 0; i < items->size(); ++i)
            if (!support_user(r, (*items)[i], "items[" + std::to_string(i) + "]", page.items[i])) return false;
        if (doc.contains("total") && doc["total"].is_number_integer()) page.total = doc["total"].get<int>();
        return text(r, doc, "next_cursor", "", page.next_cursor, false);
    });
}

Parsed<SupportUserDetails> parse_support_user_details(std::string_view json_text) {
    return parse_with<SupportUserDetails>(json_text, "the user", [](JsonMemberReader& r, const json& doc, SupportUserDetails& d) {
        if (!support_user(r, doc, "user", d.user)) return false;
        if (doc.contains("tenants") && doc["tenants"].is_array()) {
            const json& list = doc["tenants"];
            for (size_t i = 0; i < list.size(); ++i) {
                const std::string element = "tenants[" + std::to_string(i) + "]";
                const std::string at = element + ".";
                SupportUserTenant tenant;
                if (!is_object_at(r, list[i], element) || !text(r, list[i], "tenant", at, tenant.tenant) ||
                    !text(r, list[i], "tenant_name", at, tenant.tenant_name, false) ||
                    !membership_status(r, list[i], at, tenant.status))
                    return false;
                d.tenants.push_back(std::move(tenant));
            }
        }
        if (doc.contains("open_tickets") && doc["open_tickets"].is_number_integer()) d.open_tickets = doc["open_tickets"].get<int>();
        return true;
    });
}

Parsed<AuditPage> parse_audit_page(std::string_view json_text) {
    return parse_with<AuditPage>(json_text, "the audit log", [](JsonMemberReader& r, const json& doc, AuditPage& page) {
        const json* items = array(r, doc, "items", "");
        if (!items) return false;
        for (size_t i = 0; i < items->size(); ++i) {
            const json& item = (*items)[i];
            const std::string element = "items[" + std::to_string(i) + "]";
            const std::string at = element + ".";
            AuditEntry entry;
            if (!is_object_at(r, item, element) || !text(r, item, "at", at, entry.at) ||
                !text(r, item, "action", at, entry.action) || !text(r, item, "address", at, entry.address, false))
                return false;
            entry.actor = person(item, "actor");
            if (entry.actor.empty()) entry.actor = "The vendor's operator";   // null: ./portal admin
            entry.target = person(item, "target");
            page.items.push_back(std::move(entry));
        }
        return text(r, doc, "next_cursor", "", page.next_cursor, false);
    });
}

Parsed<Invitation> parse_invitation(std::string_view json_text) {
    return parse_with<Invitation>(json_text, "the invitation", [](JsonMemberReader& r, const json& doc, Invitation& inv) {
        inv.invited_by = person(doc, "invited_by");
        inv.existing_account = doc.contains("existing_account") && doc["existing_account"].is_boolean() &&
                               doc["existing_account"].get<bool>();
        if (!text(r, doc, "email", "", inv.email) || !text(r, doc, "expires_at", "", inv.expires_at, false)) return false;
        if (doc.contains("tenants") && doc["tenants"].is_array()) return memberships(r, doc["tenants"], "tenants", inv.tenants);
        return true;
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
