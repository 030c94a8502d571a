// Keyboard, mouse, wheel, focus and resize from emscripten/html5.h callbacks
// on the canvas, turned into InputQueue events for ImGui (see input_queue.hpp).
#pragma once

#include "input_queue.hpp"

namespace shell {

// Registers the callbacks and fills io.KeyMap. `queue` must outlive the page.
void install_browser_input(InputQueue& queue, float* pixel_ratio);

// The browser's paste event: the text becomes the clipboard content and a
// Ctrl+V (Cmd+V on macOS) is pressed inside ImGui to insert it.
void paste_text(InputQueue& queue, const char* text);

// Escape pressed while DOM focus is on the accessibility mirror (which holds
// the keys): ImGui closes its menus and popups as if the canvas had it.
void press_escape(InputQueue& queue);

}  // namespace shell
