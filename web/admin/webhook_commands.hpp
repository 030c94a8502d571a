// `./portal admin webhook ...`: the vendor's help desk hears of every
// ticket event (docs/webhooks.md).
//   webhook add URL --secret-file FILE   the secret (16+ characters) signs each delivery
//   webhook list                         in use, with what waits and the last answer
//   webhook remove URL                   stops it; what it had queued is dropped
//   webhook deliveries [--limit N]       the latest deliveries and their last status
#pragma once

#include "web/store/database.hpp"

#include <string>
#include <vector>

namespace web {

// args[at] is the word after "webhook"; returns the exit code (admin_flags).
int webhook_command(Database& database, const std::vector<std::string>& args, size_t at);

}  // namespace web
