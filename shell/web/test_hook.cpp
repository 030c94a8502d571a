#include "test_hook.hpp"

#include "browser.hpp"
#include "wake.hpp"

#include <emscripten/emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <string_view>
#include <vector>

namespace shell {

struct RecordedItem {
    ImGuiID id = 0;
    std::string label;
    ImRect rect;   // device pixels, clipped to the window
    bool overlay = false;   // in a popup, menu or dialog drawn over the page
};

static bool g_enabled = false;
static float g_pixel_ratio = 1;
static int g_frames = 0;
static int g_presented = 0;
static std::vector<RecordedItem> g_current, g_last;
static std::string g_screen;

void enable_test_hook() {
    g_enabled = true;
    GImGui->TestEngineHookItems = true;
    portal_js_install_test_hook();
}

bool test_hook_enabled() { return g_enabled; }

void test_hook_begin_frame(float pixel_ratio) {
    g_pixel_ratio = pixel_ratio;
    g_current.clear();
}

void test_hook_end_frame() {
    if (!g_enabled) return;
    g_last.swap(g_current);
    ++g_frames;
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

// "Caption##field-id" -> "Caption"; "##id" -> "".
static std::string_view visible_label(const char* label) {
    std::string_view text(label ? label : "");
    const size_t hidden = text.find("##");
    return hidden == std::string_view::npos ? text : text.substr(0, hidden);
}

}  // namespace shell

// --- ImGui's test-engine hooks (imgui_internal.h) ----------------------------

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
    if (!shell::g_enabled) return;
    // ItemAdd fires before clipping: keep only the part a person can see.
    ImRect visible = bb;
    if (ctx->CurrentWindow) visible.ClipWithFull(ctx->CurrentWindow->ClipRect);
    if (visible.GetWidth() <= 0 || visible.GetHeight() <= 0) return;
    const bool overlay = ctx->CurrentWindow && (ctx->CurrentWindow->RootWindow->Flags & ImGuiWindowFlags_Popup);
    shell::g_current.push_back({id, {}, visible, overlay});
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    if (!shell::g_enabled) return;
    const std::string_view text = shell::visible_label(label);
    // The widget's own "##id" label arrives first; a caption we expose later
    // replaces it, never the other way round.
    for (auto it = shell::g_current.rbegin(); it != shell::g_current.rend(); ++it) {
        if (it->id != id) continue;
        if (!text.empty()) it->label = std::string(text);
        return;
    }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID id) {
    for (const shell::RecordedItem& item : shell::g_last)
        if (item.id == id) return item.label.c_str();
    return nullptr;
}

// --- window.portalTest ----------------------------------------------------------

extern "C" {

EMSCRIPTEN_KEEPALIVE int portal_test_frame() { return shell::g_frames; }
EMSCRIPTEN_KEEPALIVE int portal_test_presented() { return shell::g_presented; }

EMSCRIPTEN_KEEPALIVE const char* portal_test_items_json() {
    static std::string json_text;
    nlohmann::json items = nlohmann::json::array();
    const float ratio = shell::g_pixel_ratio;
    for (const shell::RecordedItem& item : shell::g_last) {
        items.push_back({{"label", item.label},
                         {"id", item.id},
                         {"x", item.rect.Min.x / ratio},
                         {"y", item.rect.Min.y / ratio},
                         {"w", item.rect.GetWidth() / ratio},
                         {"h", item.rect.GetHeight() / ratio},
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

EMSCRIPTEN_KEEPALIVE int portal_test_idle() { return shell::idle() ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE const char* portal_test_screen() { return shell::g_screen.c_str(); }

}
