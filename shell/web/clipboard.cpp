#include "clipboard.hpp"

#include "browser.hpp"

#include <imgui.h>

#include <string>

namespace shell {

static std::string g_clipboard;

static const char* get_text(void*) { return g_clipboard.c_str(); }

static void set_text(void*, const char* text) {
    g_clipboard = text;
    portal_js_copy_text(text);
}

void install_clipboard() {
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = get_text;
    io.SetClipboardTextFn = set_text;
}

void set_clipboard_text(const char* text) { g_clipboard = text; }

}  // namespace shell
