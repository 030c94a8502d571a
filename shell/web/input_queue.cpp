#include "input_queue.hpp"

#include <imgui.h>

#include <bitset>

namespace shell {

bool InputQueue::feed(ImGuiIO& io) {
    std::bitset<512> keys_changed;
    bool buttons_changed[5] = {};
    bool text_must_wait = false;
    bool any_button_changed = false;
    bool modifiers_changed = false;

    while (!events_.empty()) {
        InputEvent& e = events_.front();
        switch (e.kind) {
        case InputEvent::Kind::Key:
            if (e.code < 0 || e.code >= 512) break;
            if (keys_changed[e.code] && io.KeysDown[e.code] != e.down) return true;
            if (io.KeysDown[e.code] != e.down) keys_changed[e.code] = true;
            io.KeysDown[e.code] = e.down;
            if (e.down && e.edits_text) text_must_wait = true;
            break;
        case InputEvent::Kind::Modifiers:
            // A modifier pressed and released within one frame would turn a
            // Ctrl+V into a plain V; hold it for one frame like any key.
            if (modifiers_changed && (io.KeyCtrl != e.ctrl || io.KeyShift != e.shift ||
                                      io.KeyAlt != e.alt || io.KeySuper != e.super))
                return true;
            modifiers_changed = true;
            io.KeyCtrl = e.ctrl;
            io.KeyShift = e.shift;
            io.KeyAlt = e.alt;
            io.KeySuper = e.super;
            break;
        case InputEvent::Kind::Text:
            // InputText applies characters before keys within a frame, so text
            // typed after a key (Backspace, arrows) must wait.
            if (text_must_wait) return true;
            io.AddInputCharactersUTF8(e.text.c_str());
            break;
        case InputEvent::Kind::MouseMove:
            // A click must be seen where it happened: no move after a button
            // change in the same frame.
            if (any_button_changed) return true;
            io.MousePos = ImVec2(e.x, e.y);
            break;
        case InputEvent::Kind::MouseButton:
            if (e.code < 0 || e.code >= 5) break;
            if (buttons_changed[e.code] && io.MouseDown[e.code] != e.down) return true;
            if (io.MouseDown[e.code] != e.down) buttons_changed[e.code] = true;
            io.MouseDown[e.code] = e.down;
            any_button_changed = true;
            break;
        case InputEvent::Kind::Wheel:
            io.MouseWheel += e.y;
            io.MouseWheelH += e.x;
            break;
        }
        events_.pop_front();
    }
    return false;
}

}  // namespace shell
