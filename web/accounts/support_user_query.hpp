// The query string of the support-user list, checked:
//   q       text the e-mail or name contains (any case), at most 200 characters
//   status  invited | active | revoked (empty: all)
//   sort    email | name | invited_at | last_sign_in_at (default email)
//   order   asc | desc (default asc)
//   limit   1 to 200 (default 50)
//   cursor  next_cursor of the page before, unchanged
// The cursor is base64url of "sort order id value": opaque to clients, and
// refused when it was made for another sort or order.
#pragma once

#include "core/text/parsed.hpp"
#include "web/accounts/support_user_list.hpp"

#include <httplib.h>

#include <optional>
#include <string>

namespace web {

core::Parsed<SupportUserQuery> parse_support_user_query(const httplib::Request& request);

std::string encode_support_user_cursor(const SupportUserQuery& query, const SupportUserRow& last_row);

}  // namespace web
