// One line per request on stderr: method, path, status, duration, body bytes.
//   GET /api/v1/health 200 0.31 ms 52 bytes
// The query string is left out, the token of an invitation link
// (/api/v1/invitations/{token}) is replaced by "[token]" (it is a key to an
// account until used), and bytes a client could use to forge or garble
// lines are escaped.
#pragma once

#include <httplib.h>

#include <string>

namespace web {

// Call when a request starts being handled (httplib's pre-routing hook), on
// the thread that will handle it.
void mark_request_start();

std::string request_log_line(const httplib::Request& request, const httplib::Response& response);

}  // namespace web
