// httplib's Server with the connection handling of our own: httplib accepts
// connections, routes requests and writes answers, but a connection's bytes
// are read and its deadlines kept by the ConnectionReactor. httplib 0.11.4
// (Debian 12) gives every connection a worker for its whole life and has no
// bound on chunked or compressed bodies or on header count; this puts a
// request in front of httplib only once it has arrived whole, within limits,
// with one plain Content-Length, as if from a model client.
#pragma once

#include "web/http/connection_reactor.hpp"

#include <httplib.h>

namespace web {

// The default limits, with the process's open-file limit raised to hold
// them (or the connection limit lowered to what the system allows).
ConnectionLimits connection_limits_for_this_process();

class HardenedHttpServer : public httplib::Server {
public:
    explicit HardenedHttpServer(const ConnectionLimits& limits = {});
    ~HardenedHttpServer() override;

    // Closes every connection once the listen loop has returned.
    void finish_connections() { reactor_.stop(); }

private:
    // Called by httplib's listen loop for each accepted socket.
    bool process_and_close_socket(socket_t socket) override;

    // Runs on one of the reactor's workers.
    Exchange answer(FramedRequest&& request, const PeerAddress& peer, bool must_close);

    ConnectionReactor reactor_;
};

}  // namespace web
