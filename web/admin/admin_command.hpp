// `portal-web admin ...` (`./portal admin ...`): the vendor's operator works
// on the service's database, while the service runs or not.
//
//   admin [--db PATH] [--program FILE] tenant add --slug S --name N --plan P --region R [--trial-started YYYY-MM-DD]
//   admin [--db PATH] [--program FILE] tenant plan SLUG PLAN
//   admin [--db PATH] tenant list
//   admin [--db PATH] invite --tenant SLUG EMAIL [--url URL]
//   admin [--db PATH] engineer invite EMAIL [--url URL] | engineer list | engineer token EMAIL
//   admin [--db PATH] webhook add URL --secret-file FILE | webhook list | webhook remove URL | webhook deliveries
//   admin [--db PATH] operator invite EMAIL | operator list
//   admin [--db PATH] revoke EMAIL
//
// Exit codes: 0 done, 1 refused by the data (a slug taken, a tenant not
// found) or the database, 2 a bad argument; problems are one line on stderr.
#pragma once

#include <string>
#include <vector>

namespace web {

int run_admin_command(const std::vector<std::string>& args);

}  // namespace web
