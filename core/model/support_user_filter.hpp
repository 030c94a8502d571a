// How a tenant's list of support users is filtered and ordered: the same
// words in the portal's requests, the service's query parser and the
// service's cursors (web/openapi.yaml, listSupportUsers).
#pragma once

#include "core/model/membership.hpp"   // the status filter is a MembershipStatus

#include <optional>
#include <string_view>

namespace core {

enum class SupportUserSort { Email, Name, InvitedAt, LastSignInAt };
inline constexpr SupportUserSort support_user_sorts[] = {SupportUserSort::Email, SupportUserSort::Name,
                                                         SupportUserSort::InvitedAt, SupportUserSort::LastSignInAt};

std::string_view to_string(SupportUserSort sort);        // "email", "name", "invited_at", "last_sign_in_at"
std::optional<SupportUserSort> parse_support_user_sort(std::string_view text);

}  // namespace core
