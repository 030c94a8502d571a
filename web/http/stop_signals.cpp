#include "web/http/stop_signals.hpp"

#include <pthread.h>

#include <chrono>

namespace web {

namespace {

sigset_t stop_signal_set() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    return signals;
}

}  // namespace

void block_stop_signals() {
    sigset_t signals = stop_signal_set();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

StopSignalWatcher::StopSignalWatcher(httplib::Server& server) : server_(server), thread_([this] { watch(); }) {}

StopSignalWatcher::~StopSignalWatcher() { finish(); }

void StopSignalWatcher::watch() {
    sigset_t signals = stop_signal_set();
    int signal = 0;
    while (sigwait(&signals, &signal) != 0) {
    }
    if (listening_done_) return;  // finish() woke us: nothing to stop
    received_ = signal;
    // A signal may come before listen() has started, when stop() does
    // nothing yet; repeat until the listen loop reports that it returned.
    while (!listening_done_) {
        server_.stop();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

int StopSignalWatcher::finish() {
    if (thread_.joinable()) {
        listening_done_ = true;
        if (received_ == 0) pthread_kill(thread_.native_handle(), SIGTERM);  // wake sigwait; the signal is blocked, so it only ends the wait
        thread_.join();
    }
    return received_;
}

}  // namespace web
