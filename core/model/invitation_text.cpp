#include "invitation_text.hpp"

#include <vector>

namespace core {

namespace {

// A membership without a known role grants nothing more than support.
Role role_of(const Membership& m) { return m.role.value_or(Role::SupportOnly); }

std::string tenant_names(const Invitation& inv, Role role) {
    std::vector<std::string> names;
    for (const Membership& m : inv.tenants)
        if (role_of(m) == role) names.push_back(m.tenant_name.empty() ? m.tenant : m.tenant_name);
    std::string text;
    for (size_t i = 0; i < names.size(); ++i)
        text += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    return text;
}

const char* what_role_does(Role role) {
    switch (role) {
        case Role::Admin: return "administer support for ";
        case Role::SupportOnly: return "get support for ";
        case Role::SupportEngineer: return "answer the support tickets of ";
    }
    return "get support for ";
}

const char* what_role_allows(Role role) {
    switch (role) {
        case Role::Admin:
            return "As an admin there, you open, view and comment on tickets, and invite and revoke the people who get "
                   "support with you.";
        case Role::SupportOnly:
            return "As a support user there, you can open, view and comment on tickets and receive notifications, "
                   "without administration access.";
        case Role::SupportEngineer:
            return "As a support engineer, you see every ticket of these customers, answer them and set their state.";
    }
    return "";
}

}  // namespace

InvitationText invitation_text(const Invitation& inv) {
    std::vector<Role> present;
    for (Role role : roles)
        for (const Membership& m : inv.tenants)
            if (role_of(m) == role) {
                present.push_back(role);
                break;
            }
    InvitationText text;
    text.heading = present.size() == 1 ? "Join as " + std::string(role_text(present.front())) : "Join the support portal";
    text.sentence = inv.invited_by.empty() ? "You were invited to " : inv.invited_by + " invited you to ";
    for (size_t i = 0; i < present.size(); ++i)
        text.sentence += (i == 0 ? "" : ", and to ") + std::string(what_role_does(present[i])) + tenant_names(inv, present[i]);
    if (present.empty()) text.sentence += "get support";
    text.sentence += " as " + inv.email + ".";
    for (Role role : present) text.sentence += std::string(" ") + what_role_allows(role);
    return text;
}

}  // namespace core
