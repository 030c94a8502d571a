// Whether a frame's picture differs from the one on screen. Many frames draw
// what is already there (a click on nothing, a key that moves nothing, a
// tooltip asked for again); handing the browser an identical picture still
// costs it a full canvas composite (under a software GL, a read-back of every
// pixel on the main thread). Comparing a fingerprint of ImGui's draw data is
// far cheaper than presenting.
#pragma once

#include <cstdint>

struct ImDrawData;

namespace shell {

class FramePicture {
public:
    // True when `draw_data` would draw something other than what was last
    // presented (or nothing has been presented yet). Remembers it as presented.
    bool changed(const ImDrawData& draw_data);
    // The canvas was cleared or resized by someone else: present the next frame.
    void forget() { presented_ = false; }

private:
    std::uint64_t fingerprint_ = 0;
    bool presented_ = false;
};

}  // namespace shell
