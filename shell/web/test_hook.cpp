#include "test_hook.hpp"

#include "font_extension.hpp"
#include "glyphs_on_demand.hpp"

#include "browser.hpp"
#include "wake.hpp"

#include "ui/item_registry.hpp"

#include <emscripten/emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <string_view>
#include <vector>

namespace shell {

static bool g_enabled = false;
static float g_pixel_ratio = 1;
static int g_frames = 0;
static int g_presented = 0;
static std::string g_screen;

void enable_test_hook() {
    g_enabled = true;
    portal_js_install_test_hook();
}

bool test_hook_enabled() { return g_enabled; }

void test_hook_begin_frame(float pixel_ratio) { g_pixel_ratio = pixel_ratio; }

void test_hook_end_frame() {
    if (g_enabled) ++g_frames;
}

void test_hook_presented() { ++g_presented; }

void test_hook_set_screen(std::string hash) { g_screen = std::move(hash); }

static double g_frame_ms = 0, g_ui_ms = 0;
static double g_edit_ms_total = 0, g_handover_ms_total = 0;
static int g_edits = 0, g_handovers = 0;

void test_hook_edit_time(double dispatch_ms) {
    g_edit_ms_total += dispatch_ms;
    ++g_edits;
}

void test_hook_draft_handover_time(double ms) {
    g_handover_ms_total += ms;
    ++g_handovers;
}
void test_hook_frame_time(double frame_ms, double ui_ms) {
    g_frame_ms = frame_ms;
    g_ui_ms = ui_ms;
}

}  // namespace shell

// --- window.portalTest ----------------------------------------------------------

extern "C" {

EMSCRIPTEN_KEEPALIVE int portal_test_frame() { return shell::g_frames; }
EMSCRIPTEN_KEEPALIVE int portal_test_presented() { return shell::g_presented; }

EMSCRIPTEN_KEEPALIVE const char* portal_test_items_json() {
    static std::string json_text;
    nlohmann::json items = nlohmann::json::array();
    const float ratio = shell::g_pixel_ratio;
    // What a person can see: items in view, groups left out.
    for (const ui::RegisteredItem& item : ui::registered_items()) {
        if (ui::is_group(item.role) || item.visible.GetWidth() <= 0) continue;
        items.push_back({{"label", item.name},
                         {"id", item.id},
                         {"role", static_cast<int>(item.role)},
                         {"x", item.visible.Min.x / ratio},
                         {"y", item.visible.Min.y / ratio},
                         {"w", item.visible.GetWidth() / ratio},
                         {"h", item.visible.GetHeight() / ratio},
                         {"overlay", item.overlay}});
    }
    json_text = items.dump();
    return json_text.c_str();
}

EMSCRIPTEN_KEEPALIVE double portal_test_frame_ms() { return shell::g_frame_ms; }
EMSCRIPTEN_KEEPALIVE const char* portal_test_draft_costs() {
    static std::string text;
    text = nlohmann::json{{"edits", shell::g_edits}, {"edit_ms", shell::g_edit_ms_total},
                          {"handovers", shell::g_handovers}, {"handover_ms", shell::g_handover_ms_total}}.dump();
    return text.c_str();
}
EMSCRIPTEN_KEEPALIVE double portal_test_ui_ms() { return shell::g_ui_ms; }
EMSCRIPTEN_KEEPALIVE int portal_test_glyphs_missing() { return shell::glyphs_missing(); }
EMSCRIPTEN_KEEPALIVE int portal_test_font_extension() { return shell::font_extension_state(); }
EMSCRIPTEN_KEEPALIVE int portal_test_font_extension_letters_painted() { return shell::font_extension_letters_painted(); }

EMSCRIPTEN_KEEPALIVE int portal_test_idle() { return shell::idle() ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE const char* portal_test_screen() { return shell::g_screen.c_str(); }

}
