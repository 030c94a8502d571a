// Taking the listening port, with a message a person can act on when that
// fails (a second portal on the same port is the usual case).
#pragma once

#include <httplib.h>

#include <string>

namespace web {

// Connections waiting to be accepted before the kernel drops new ones.
inline constexpr int listen_queue = 1024;

// Binds `server` to host:port (port 0: any free port), with SO_REUSEADDR (not
// SO_REUSEPORT) and a listen queue of `listen_queue`. Returns the bound port,
// or -1 and a one-line reason in `error`.
int bind_listening_port(httplib::Server& server, const std::string& host, int port, std::string& error);

// "http://127.0.0.1:8080", with brackets around an IPv6 address.
std::string service_url(const std::string& host, int port);

}  // namespace web
