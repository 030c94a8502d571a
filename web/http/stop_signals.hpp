// Clean shutdown on SIGINT (Ctrl+C) and SIGTERM (service managers, tests).
//
// A signal handler may only call async-signal-safe functions, and stopping
// httplib is not one. So the signals are blocked in every thread (block them
// in main before any thread starts; threads inherit the mask) and one thread
// receives them with sigwait, where ordinary code is allowed.
#pragma once

#include <httplib.h>

#include <atomic>
#include <csignal>
#include <thread>

namespace web {

// Call first in main, before any thread exists.
void block_stop_signals();

class StopSignalWatcher {
public:
    explicit StopSignalWatcher(httplib::Server& server);
    ~StopSignalWatcher();

    // Call once the server's listen loop has returned. Returns the signal that
    // stopped it, or 0 when it ended by itself.
    int finish();

private:
    void watch();

    httplib::Server& server_;
    std::atomic<bool> listening_done_ = false;
    std::atomic<int> received_ = 0;
    std::thread thread_;
};

}  // namespace web
