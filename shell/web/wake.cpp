#include "wake.hpp"

#include <emscripten/emscripten.h>

#include <algorithm>

namespace shell {

static int frames_left = 3;
static bool paused = false;

void wake(int frames) {
    frames_left = std::max(frames_left, frames);
    if (paused) {
        paused = false;
        emscripten_resume_main_loop();
    }
}

bool frame_wanted() {
    if (frames_left > 0) {
        --frames_left;
        return true;
    }
    paused = true;
    emscripten_pause_main_loop();
    return false;
}

bool idle() { return paused; }

}  // namespace shell
