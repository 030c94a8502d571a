#include "core/model/support_user_filter.hpp"

namespace core {

std::string_view to_string(SupportUserSort sort) {
    switch (sort) {
        case SupportUserSort::Email: return "email";
        case SupportUserSort::Name: return "name";
        case SupportUserSort::InvitedAt: return "invited_at";
        case SupportUserSort::LastSignInAt: return "last_sign_in_at";
    }
    return "email";
}

std::string_view to_string(MembershipStatus status) {
    switch (status) {
        case MembershipStatus::Invited: return "invited";
        case MembershipStatus::Active: return "active";
        case MembershipStatus::Revoked: return "revoked";
    }
    return "active";
}

std::optional<SupportUserSort> parse_support_user_sort(std::string_view text) {
    for (SupportUserSort sort : support_user_sorts)
        if (text == to_string(sort)) return sort;
    return std::nullopt;
}

std::optional<MembershipStatus> parse_membership_status(std::string_view text) {
    for (MembershipStatus status : membership_statuses)
        if (text == to_string(status)) return status;
    return std::nullopt;
}

}  // namespace core
