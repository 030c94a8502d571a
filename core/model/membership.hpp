// What a person is to a tenant, and where their membership stands: the
// words the portal, the service and its database share (web/openapi.yaml,
// memberships table).
#pragma once

#include <optional>
#include <string_view>

namespace core {

// Admin: the tenant's administrator, who invites and revokes support-only
// users. SupportOnly: may only file and follow tickets. SupportEngineer:
// the vendor's staff, answering the tenant's tickets.
enum class Role { Admin, SupportOnly, SupportEngineer };
inline constexpr Role roles[] = {Role::Admin, Role::SupportOnly, Role::SupportEngineer};

enum class MembershipStatus { Invited, Active, Revoked };
inline constexpr MembershipStatus membership_statuses[] = {MembershipStatus::Invited, MembershipStatus::Active,
                                                           MembershipStatus::Revoked};

// "admin", "support_only", "support_engineer"
constexpr std::string_view to_string(Role role) {
    switch (role) {
        case Role::Admin: return "admin";
        case Role::SupportOnly: return "support_only";
        case Role::SupportEngineer: return "support_engineer";
    }
    return "support_only";
}

// "invited", "active", "revoked"
constexpr std::string_view to_string(MembershipStatus status) {
    switch (status) {
        case MembershipStatus::Invited: return "invited";
        case MembershipStatus::Active: return "active";
        case MembershipStatus::Revoked: return "revoked";
    }
    return "active";
}

constexpr std::optional<Role> parse_role(std::string_view text) {
    for (Role role : roles)
        if (text == to_string(role)) return role;
    return std::nullopt;
}

constexpr std::optional<MembershipStatus> parse_membership_status(std::string_view text) {
    for (MembershipStatus status : membership_statuses)
        if (text == to_string(status)) return status;
    return std::nullopt;
}

// As a sentence names one: "an admin", "a support user", "a support engineer".
constexpr std::string_view role_text(Role role) {
    switch (role) {
        case Role::Admin: return "an admin";
        case Role::SupportOnly: return "a support user";
        case Role::SupportEngineer: return "a support engineer";
    }
    return "a support user";
}

// As a list shows it: "Invited", "Active", "Revoked".
constexpr std::string_view status_word(MembershipStatus status) {
    switch (status) {
        case MembershipStatus::Invited: return "Invited";
        case MembershipStatus::Active: return "Active";
        case MembershipStatus::Revoked: return "Revoked";
    }
    return "Active";
}

}  // namespace core
