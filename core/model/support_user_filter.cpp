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

std::optional<SupportUserSort> parse_support_user_sort(std::string_view text) {
    for (SupportUserSort sort : support_user_sorts)
        if (text == to_string(sort)) return sort;
    return std::nullopt;
}

}  // namespace core
