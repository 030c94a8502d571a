// Idle means idle: the main loop pauses when nothing changes and anything that
// can change the picture (input, resize, network results) wakes it.
#pragma once

namespace shell {

// Asks for at least `frames` more frames (ImGui needs a couple to settle hover
// and active states after an event).
void wake(int frames = 3);

// Called by the main loop once per frame; false when it may pause.
bool frame_wanted();

// True while the loop is paused: every event so far has been drawn.
bool idle();

}  // namespace shell
