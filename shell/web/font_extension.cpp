#include "font_extension.hpp"

#include "wake.hpp"

#include <emscripten.h>

#include <vector>

extern "C" {
// Fetches both faces; answers with portal_on_font_extension.
void portal_js_load_font_extension();
}

namespace shell {

namespace {

enum class State { NotAsked, Fetching, Loaded, Failed };

State g_state = State::NotAsked;
bool g_settled = false;
// The atlas reads these without owning them: they live as long as the page.
std::vector<unsigned char> g_regular;
std::vector<unsigned char> g_semibold;

}  // namespace

// cmake/browser.cmake's FONT_EXTENSION_UNICODES: U+00C0-017F but × and ÷.
bool is_font_extension_letter(unsigned code_point) {
    return code_point >= 0x00C0 && code_point <= 0x017F && code_point != 0x00D7 && code_point != 0x00F7;
}

bool font_extension_pending(unsigned code_point) {
    if (!is_font_extension_letter(code_point)) return false;
    if (g_state == State::NotAsked) {
        g_state = State::Fetching;
        portal_js_load_font_extension();
    }
    // Arrived but not in the atlas until the rebuild font_extension_settled
    // asks for: still on its way, or the browser's font would stand in for it.
    return g_state == State::Fetching || g_settled;
}

std::span<const unsigned char> inter_regular_extension() { return g_regular; }
std::span<const unsigned char> inter_semibold_extension() { return g_semibold; }

bool font_extension_settled() {
    const bool settled = g_settled;
    g_settled = false;
    return settled;
}

int font_extension_state() { return static_cast<int>(g_state); }

}  // namespace shell

extern "C" {

// Lengths are -1 when the faces could not be fetched.
EMSCRIPTEN_KEEPALIVE void portal_on_font_extension(const unsigned char* regular, int regular_length,
                                                   const unsigned char* semibold, int semibold_length) {
    using namespace shell;
    if (regular_length > 0 && semibold_length > 0) {
        g_regular.assign(regular, regular + regular_length);
        g_semibold.assign(semibold, semibold + semibold_length);
        g_state = State::Loaded;
    } else {
        g_state = State::Failed;
    }
    g_settled = true;
    wake(1);
}

}
