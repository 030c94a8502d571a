// How a request wakes a background worker (mail, webhooks) that otherwise
// sleeps until its next retry comes due, and how the service stops it: a
// ring is never lost, even when it comes while the worker is busy.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace web {

class Doorbell {
public:
    void ring() {
        {
            std::lock_guard lock(mutex_);
            rung_ = true;
        }
        changed_.notify_all();
    }

    // From then on every wait returns false at once.
    void stop() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_all();
    }

    bool stopping() {
        std::lock_guard lock(mutex_);
        return stopping_;
    }

    // Sleeps until a ring (since the last wait), stop(), or `longest` has
    // passed; false when stopping.
    template <class Rep, class Period>
    bool wait(std::chrono::duration<Rep, Period> longest) {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, longest, [this] { return rung_ || stopping_; });
        rung_ = false;
        return !stopping_;
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool rung_ = false;
    bool stopping_ = false;
};

}  // namespace web
