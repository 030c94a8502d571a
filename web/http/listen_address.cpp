#include "web/http/listen_address.hpp"

#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace web {

namespace {

// httplib only says that binding failed; bind a probe socket the same way to
// learn why.
std::string why_bind_failed(const std::string& host, int port) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    addrinfo* addresses = nullptr;
    std::string service = std::to_string(port);
    if (int status = getaddrinfo(host.c_str(), service.c_str(), &hints, &addresses); status != 0)
        return "cannot listen on " + host + ": " + gai_strerror(status);

    int bind_errno = 0;
    for (addrinfo* address = addresses; address; address = address->ai_next) {
        int probe = socket(address->ai_family, address->ai_socktype, address->ai_protocol);
        if (probe < 0) {
            bind_errno = errno;
            continue;
        }
        int yes = 1;
        setsockopt(probe, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        bind_errno = bind(probe, address->ai_addr, address->ai_addrlen) == 0 ? 0 : errno;
        close(probe);
        if (bind_errno == 0) break;
    }
    freeaddrinfo(addresses);

    std::string where = "port " + std::to_string(port) + " on " + host;
    switch (bind_errno) {
        case EADDRINUSE: return where + " is already in use (is another portal running?)";
        case EACCES: return "not allowed to listen on " + where + " (ports below 1024 need privileges)";
        case EADDRNOTAVAIL: return "cannot listen on " + where + ": this machine has no such address";
        case 0: return "cannot listen on " + where;
        default: return "cannot listen on " + where + ": " + std::strerror(bind_errno);
    }
}

}  // namespace

int bind_listening_port(httplib::Server& server, const std::string& host, int port, std::string& error) {
    // httplib 0.11.4 sets SO_REUSEPORT by default, which lets a second service
    // bind the same port and silently share its connections. SO_REUSEADDR
    // alone still allows a quick restart but makes a busy port an error.
    // The socket is noted to lengthen its listen queue below.
    socket_t listening = INVALID_SOCKET;
    server.set_socket_options([&listening](socket_t socket) {
        int yes = 1;
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        listening = socket;
    });
    int bound = port;
    if (port == 0) {
        bound = server.bind_to_any_port(host);
        if (bound <= 0) {
            error = why_bind_failed(host, 0);
            return -1;
        }
    } else if (!server.bind_to_port(host, port)) {
        error = why_bind_failed(host, port);
        return -1;
    }
    // Debian's libcpp-httplib is compiled with a listen queue of 5: under
    // load, clients that connect anew found it full, their SYNs were dropped
    // and retried a second later (p99 of 1-2 s in the API load benchmark).
    // listen() again on the bound socket sets the queue the service needs
    // (the kernel caps it at net.core.somaxconn).
    if (listening != INVALID_SOCKET) ::listen(listening, listen_queue);
    return bound;
}

std::string service_url(const std::string& host, int port) {
    bool ipv6 = host.find(':') != std::string::npos;
    return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

}  // namespace web
