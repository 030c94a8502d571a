// Browser input for ImGui 1.86, which has no input queue of its own: it reads
// io.KeysDown / io.MouseDown once per frame, so a key pressed and released
// between two frames is never seen, and a Backspace typed before a character
// in the same frame is applied after it.
//
// The queue keeps every event in arrival order and hands ImGui, per frame, the
// longest prefix in which no key or button changes twice and no text follows a
// key change. The rest waits for the next frame, so fast typing loses nothing
// and keeps its order.
#pragma once

#include <deque>
#include <string>

struct ImGuiIO;

namespace shell {

struct InputEvent {
    enum class Kind { Key, Text, MouseMove, MouseButton, Wheel, Modifiers };
    Kind kind = Kind::Key;
    int code = 0;            // Key: index into io.KeysDown; MouseButton: 0 left, 1 right, 2 middle
    bool down = false;       // Key, MouseButton
    bool edits_text = false; // Key: a press that moves or edits text (Backspace, arrows, Ctrl+V)
    float x = 0, y = 0;      // MouseMove: device pixels; Wheel: ImGui wheel units
    std::string text;        // Text: UTF-8
    bool ctrl = false, shift = false, alt = false, super = false;  // Modifiers
};

class InputQueue {
public:
    void push(InputEvent event) { events_.push_back(std::move(event)); }
    bool empty() const { return events_.empty(); }

    // Moves this frame's share of the events into `io`. Returns true if events
    // are left for later frames.
    bool feed(ImGuiIO& io);

private:
    std::deque<InputEvent> events_;
};

}  // namespace shell
