#include "browser_input.hpp"

#include "browser.hpp"
#include "clipboard.hpp"
#include "wake.hpp"

#include <emscripten/html5.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <string_view>

namespace shell {

static InputQueue* g_queue = nullptr;
static float* g_pixel_ratio = nullptr;
static bool g_mac = false;

// Our own key indices into io.KeysDown: small, stable, independent of layout.
enum KeyIndex {
    KeyTab = 1, KeyLeft, KeyRight, KeyUp, KeyDown, KeyPageUp, KeyPageDown, KeyHome, KeyEnd, KeyInsert,
    KeyDelete, KeyBackspace, KeySpace, KeyEnter, KeyEscape, KeyKeypadEnter, KeyA, KeyC, KeyV, KeyX, KeyY, KeyZ,
};

// KeyboardEvent.code names the physical key, so shortcuts work on any layout.
static int key_index(std::string_view code) {
    struct Entry { std::string_view code; int index; };
    static constexpr Entry table[] = {
        {"Tab", KeyTab}, {"ArrowLeft", KeyLeft}, {"ArrowRight", KeyRight}, {"ArrowUp", KeyUp},
        {"ArrowDown", KeyDown}, {"PageUp", KeyPageUp}, {"PageDown", KeyPageDown}, {"Home", KeyHome},
        {"End", KeyEnd}, {"Insert", KeyInsert}, {"Delete", KeyDelete}, {"Backspace", KeyBackspace},
        {"Space", KeySpace}, {"Enter", KeyEnter}, {"Escape", KeyEscape}, {"NumpadEnter", KeyKeypadEnter},
        {"KeyA", KeyA}, {"KeyC", KeyC}, {"KeyV", KeyV}, {"KeyX", KeyX}, {"KeyY", KeyY}, {"KeyZ", KeyZ},
    };
    for (const Entry& e : table)
        if (e.code == code) return e.index;
    return 0;
}

static bool is_letter_key(int index) { return index >= KeyA && index <= KeyZ; }

// e->key holds the text a key produces ("a", "é", "€") or a name ("Backspace").
// A single code point means text.
static bool is_single_character(const char* key) {
    const size_t length = std::strlen(key);
    if (length == 0) return false;
    const unsigned char lead = static_cast<unsigned char>(key[0]);
    const size_t expected = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    return expected == length;
}

static void push_modifiers(bool ctrl, bool shift, bool alt, bool meta) {
    InputEvent e;
    e.kind = InputEvent::Kind::Modifiers;
    e.ctrl = ctrl;
    e.shift = shift;
    e.alt = alt;
    e.super = meta;
    g_queue->push(e);
}

static EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    push_modifiers(e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    const bool shortcut = g_mac ? e->metaKey : e->ctrlKey;
    const int index = key_index(e->code);
    // Tab belongs to the browser: it moves DOM focus through the accessibility
    // mirror in reading order, and out of the page at the ends.
    if (index == KeyTab) return EM_FALSE;

    // Ctrl/Cmd+V: let the browser fire its paste event, which carries the
    // text from any application; paste_text() then presses V for ImGui.
    if (down && shortcut && index == KeyV) {
        wake();
        return EM_FALSE;
    }
    if (index != 0) {
        InputEvent key;
        key.kind = InputEvent::Kind::Key;
        key.code = index;
        key.down = down;
        key.edits_text = !is_letter_key(index) || shortcut;
        g_queue->push(key);
    }
    if (down && !e->ctrlKey && !e->metaKey && is_single_character(e->key)) {
        InputEvent text;
        text.kind = InputEvent::Kind::Text;
        text.text = e->key;
        g_queue->push(text);
    }
    wake();
    // Keep browser shortcuts we do not use (reload, devtools, zoom, tab switch).
    if (shortcut && index == 0) return EM_FALSE;
    if (e->key[0] == 'F' && e->key[1] >= '1' && e->key[1] <= '9') return EM_FALSE;
    return EM_TRUE;
}

static void push_mouse_position(const EmscriptenMouseEvent* e) {
    InputEvent move;
    move.kind = InputEvent::Kind::MouseMove;
    move.x = static_cast<float>(e->clientX) * *g_pixel_ratio;
    move.y = static_cast<float>(e->clientY) * *g_pixel_ratio;
    g_queue->push(move);
}

static EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    push_mouse_position(e);
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP) {
        push_modifiers(e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
        InputEvent button;
        button.kind = InputEvent::Kind::MouseButton;
        // DOM: 0 left, 1 middle, 2 right; ImGui: 0 left, 1 right, 2 middle.
        button.code = e->button == 1 ? 2 : e->button == 2 ? 1 : e->button;
        button.down = type == EMSCRIPTEN_EVENT_MOUSEDOWN;
        g_queue->push(button);
    }
    wake();
    return type == EMSCRIPTEN_EVENT_MOUSEDOWN ? EM_FALSE : EM_TRUE;   // mousedown focuses the canvas
}

static EM_BOOL on_mouse_leave(int, const EmscriptenMouseEvent*, void*) {
    InputEvent away;
    away.kind = InputEvent::Kind::MouseMove;
    away.x = away.y = -FLT_MAX;
    g_queue->push(away);
    wake();
    return EM_FALSE;
}

// Browsers report wheel deltas in pixels (100 per notch in Chromium), lines or
// pages; ImGui wants its own units (positive: content moves down), so a
// page scrolls by as many pixels as in any other web page.
static EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    push_mouse_position(&e->mouse);
    // ImGui scrolls 5 lines of the 15 px body font per unit: 75 CSS px.
    double unit = 75.0;
    if (e->deltaMode == DOM_DELTA_LINE) unit = 3.0;
    else if (e->deltaMode == DOM_DELTA_PAGE) unit = 0.25;
    InputEvent wheel;
    wheel.kind = InputEvent::Kind::Wheel;
    wheel.x = static_cast<float>(-e->deltaX / unit);
    wheel.y = static_cast<float>(-e->deltaY / unit);
    g_queue->push(wheel);
    wake();
    return EM_TRUE;
}

// Touch: a tap is a click where the finger lifted; a one-finger drag scrolls
// what is under it, and a fling keeps scrolling, slowing down, unless the
// person asked for reduced motion. Handling the touches ourselves stops the
// browser's emulated mouse events.
struct Touch {
    long id = -1;
    float start_x = 0, start_y = 0;   // CSS px
    float last_y = 0;
    double last_ms = 0;
    float velocity = 0;               // CSS px per ms, downwards positive
    bool dragging = false;
};
static Touch g_touch;
static float g_fling_velocity = 0;
static bool g_fling_running = false;   // one animation-frame loop at a time

static constexpr float drag_threshold = 10;        // CSS px before a touch is a drag, not a tap
static constexpr float wheel_unit = 75;            // CSS px per ImGui wheel unit (see on_wheel)
static constexpr float fling_friction = 0.95f;     // velocity kept per 16 ms
static constexpr float fling_stop = 0.02f;         // CSS px per ms
static constexpr float fling_fastest = 5;          // CSS px per ms, so a flick cannot throw the page away

static void push_pointer(float css_x, float css_y) {
    InputEvent move;
    move.kind = InputEvent::Kind::MouseMove;
    move.x = css_x * *g_pixel_ratio;
    move.y = css_y * *g_pixel_ratio;
    g_queue->push(move);
}

static void push_scroll(float css_dy) {
    InputEvent wheel;
    wheel.kind = InputEvent::Kind::Wheel;
    wheel.y = css_dy / wheel_unit;
    g_queue->push(wheel);
    wake();
}

static EM_BOOL on_fling_frame(double, void*) {
    if (g_fling_velocity != 0) {
        push_scroll(g_fling_velocity * 16);
        g_fling_velocity *= fling_friction;
        if (std::abs(g_fling_velocity) < fling_stop) g_fling_velocity = 0;
    }
    g_fling_running = g_fling_velocity != 0;
    return g_fling_running ? EM_TRUE : EM_FALSE;
}

static const EmscriptenTouchPoint* tracked_touch(const EmscriptenTouchEvent* e) {
    for (int i = 0; i < e->numTouches; ++i)
        if (e->touches[i].identifier == g_touch.id && e->touches[i].isChanged) return &e->touches[i];
    return nullptr;
}

static EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
        g_fling_velocity = 0;   // a finger on the glass stops a fling
        if (e->numTouches != 1) {
            g_touch.id = -1;    // a second finger: the browser's pinch zoom
            return EM_FALSE;
        }
        const EmscriptenTouchPoint& t = e->touches[0];
        g_touch = {t.identifier, static_cast<float>(t.clientX), static_cast<float>(t.clientY),
                   static_cast<float>(t.clientY), e->timestamp, 0, false};
        push_pointer(g_touch.start_x, g_touch.start_y);   // the wheel scrolls what is under the finger
        wake();
        return EM_TRUE;
    }
    const EmscriptenTouchPoint* t = tracked_touch(e);
    if (!t) return EM_FALSE;
    const float y = static_cast<float>(t->clientY);
    if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
        if (!g_touch.dragging && std::hypot(t->clientX - g_touch.start_x, y - g_touch.start_y) >= drag_threshold)
            g_touch.dragging = true;
        if (g_touch.dragging) {
            const double elapsed = std::max(1.0, e->timestamp - g_touch.last_ms);
            g_touch.velocity =
                std::clamp(static_cast<float>((y - g_touch.last_y) / elapsed), -fling_fastest, fling_fastest);
            push_scroll(y - g_touch.last_y);
        }
        g_touch.last_y = y;
        g_touch.last_ms = e->timestamp;
        return EM_TRUE;
    }
    // Lifted (or cancelled by the browser).
    if (type == EMSCRIPTEN_EVENT_TOUCHEND && !g_touch.dragging) {
        push_pointer(static_cast<float>(t->clientX), y);
        InputEvent press;
        press.kind = InputEvent::Kind::MouseButton;
        press.code = 0;
        press.down = true;
        g_queue->push(press);
        press.down = false;
        g_queue->push(press);
    } else if (type == EMSCRIPTEN_EVENT_TOUCHEND && !portal_js_prefers_reduced_motion() &&
               std::abs(g_touch.velocity) > fling_stop) {
        g_fling_velocity = g_touch.velocity;
        if (!g_fling_running) {
            g_fling_running = true;
            emscripten_request_animation_frame_loop(on_fling_frame, nullptr);
        }
    }
    g_touch.id = -1;
    wake();
    return EM_TRUE;
}

static EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    wake();
    return EM_FALSE;
}

void install_browser_input(InputQueue& queue, float* pixel_ratio) {
    g_queue = &queue;
    g_pixel_ratio = pixel_ratio;
    g_mac = portal_js_is_mac() != 0;

    ImGuiIO& io = ImGui::GetIO();
    io.ConfigMacOSXBehaviors = g_mac;
    io.KeyMap[ImGuiKey_Tab] = KeyTab;
    io.KeyMap[ImGuiKey_LeftArrow] = KeyLeft;
    io.KeyMap[ImGuiKey_RightArrow] = KeyRight;
    io.KeyMap[ImGuiKey_UpArrow] = KeyUp;
    io.KeyMap[ImGuiKey_DownArrow] = KeyDown;
    io.KeyMap[ImGuiKey_PageUp] = KeyPageUp;
    io.KeyMap[ImGuiKey_PageDown] = KeyPageDown;
    io.KeyMap[ImGuiKey_Home] = KeyHome;
    io.KeyMap[ImGuiKey_End] = KeyEnd;
    io.KeyMap[ImGuiKey_Insert] = KeyInsert;
    io.KeyMap[ImGuiKey_Delete] = KeyDelete;
    io.KeyMap[ImGuiKey_Backspace] = KeyBackspace;
    io.KeyMap[ImGuiKey_Space] = KeySpace;
    io.KeyMap[ImGuiKey_Enter] = KeyEnter;
    io.KeyMap[ImGuiKey_Escape] = KeyEscape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = KeyKeypadEnter;
    io.KeyMap[ImGuiKey_A] = KeyA;
    io.KeyMap[ImGuiKey_C] = KeyC;
    io.KeyMap[ImGuiKey_V] = KeyV;
    io.KeyMap[ImGuiKey_X] = KeyX;
    io.KeyMap[ImGuiKey_Y] = KeyY;
    io.KeyMap[ImGuiKey_Z] = KeyZ;

    const char* canvas = "#canvas";
    emscripten_set_keydown_callback(canvas, nullptr, EM_FALSE, on_key);
    emscripten_set_keyup_callback(canvas, nullptr, EM_FALSE, on_key);
    emscripten_set_mousedown_callback(canvas, nullptr, EM_FALSE, on_mouse);
    // Moves and releases anywhere in the window, so a drag that leaves the
    // canvas still ends.
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseleave_callback(canvas, nullptr, EM_FALSE, on_mouse_leave);
    emscripten_set_wheel_callback(canvas, nullptr, EM_FALSE, on_wheel);
    emscripten_set_touchstart_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchmove_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchend_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchcancel_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
}

void press_escape(InputQueue& queue) {
    InputEvent key;
    key.kind = InputEvent::Kind::Key;
    key.code = KeyEscape;
    key.edits_text = true;
    key.down = true;
    queue.push(key);
    key.down = false;
    queue.push(key);
    wake();
}

void paste_text(InputQueue& queue, const char* text) {
    set_clipboard_text(text);
    InputEvent e;
    e.kind = InputEvent::Kind::Modifiers;
    e.ctrl = !g_mac;
    e.super = g_mac;
    queue.push(e);
    InputEvent v;
    v.kind = InputEvent::Kind::Key;
    v.code = KeyV;
    v.edits_text = true;
    v.down = true;
    queue.push(v);
    v.down = false;
    queue.push(v);
    wake();
}

}  // namespace shell
