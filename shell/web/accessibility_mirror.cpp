#include "accessibility_mirror.hpp"

#include "browser.hpp"
#include "wake.hpp"

#include "core/text/json_tape.hpp"
#include "ui/item_registry.hpp"
#include "ui/style.hpp"

#include <emscripten/emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace shell {

namespace {

struct TextEdit {
    ImGuiID id = 0;
    std::string text;
    int start = 0, end = 0;   // code points
    int number = 0;           // the DOM numbers its edits; ImGui's text says which it has applied
};

// What the DOM asked for since the last frame.
ImGuiID g_focus_request = 0;
bool g_focus_by_pointer = false;
ImGuiID g_activate_request = 0;
bool g_blur_request = false;
std::deque<TextEdit> g_edits;

// What the DOM shows.
ImGuiID g_dom_focus = 0;
bool g_ring_visible = false;
ImGuiID g_imgui_focus_seen = 0;
TextEdit g_text_known;        // the active field's text and selection as both sides last agreed
int g_edits_applied = 0;      // the number of the last DOM edit applied (or dropped)

struct SentItem {
    ImU64 print = 0;          // fingerprint() of the attributes last sent
    int x = 0, y = 0, w = 0, h = 0;
    bool seen = false;
};
std::unordered_map<ImGuiID, SentItem> g_sent;
std::vector<ImGuiID> g_order_sent;
double g_last_ms = 0;

bool is_focusable(ui::Role role) {
    switch (role) {
    case ui::Role::Button: case ui::Role::Link: case ui::Role::TextField: case ui::Role::Checkbox:
    case ui::Role::Radio: case ui::Role::Tab: case ui::Role::ComboBox: case ui::Role::Option:
        return true;
    default:
        return false;
    }
}

bool is_exposed(const ui::RegisteredItem& item) {
    if (item.role == ui::Role::None) return false;
    return ui::is_group(item.role) || !item.name.empty() || item.role == ui::Role::TextField;
}


// [role, name, parent, level, description, value, flags, autocomplete, inputmode, announce]
// (the order accessibility_mirror.js reads them in).
int flags_of(const ui::ItemState& s) {
    return (s.invalid ? 1 : 0) | (s.required ? 2 : 0) | (s.checked ? 4 : 0) | (s.selected ? 8 : 0) |
           (s.expanded ? 16 : 0) | (s.disabled ? 32 : 0) | (s.multiline ? 64 : 0) | (s.password ? 128 : 0) |
           (s.submits ? 256 : 0) | (s.cancels ? 512 : 0);
}

// What attributes_of would say, as 64 bits: building that text for every
// item of every frame cost more than all the rest of the mirror, and most
// frames change a few items or none.
ImU64 fingerprint(const ui::RegisteredItem& item) {
    const ui::ItemState& s = item.state;
    ImU32 low = 0, high = 0x9E3779B9u;
    auto mix = [&](const void* data, size_t size) {
        low = ImHashData(data, size, low);
        high = ImHashData(data, size, high);
    };
    auto text = [&](std::string_view t) {
        const ImU32 size = static_cast<ImU32>(t.size());   // "ab","c" differs from "a","bc"
        mix(&size, sizeof size);
        mix(t.data(), t.size());
    };
    const int numbers[] = {static_cast<int>(item.role), static_cast<int>(item.parent), s.level, flags_of(s)};
    mix(numbers, sizeof numbers);
    text(item.name), text(s.description), text(s.value), text(s.autocomplete), text(s.input_mode), text(s.announce);
    return (static_cast<ImU64>(high) << 32) | low;
}

std::string attributes_of(const ui::RegisteredItem& item) {
    const ui::ItemState& s = item.state;
    const int flags = flags_of(s);
    std::string out = "[" + std::to_string(static_cast<int>(item.role)) + ",";
    core::append_json_quoted(out, item.name);
    out += "," + std::to_string(item.parent) + "," + std::to_string(s.level) + ",";
    core::append_json_quoted(out, s.description);
    out += ",";
    core::append_json_quoted(out, s.value);
    out += "," + std::to_string(flags) + ",";
    core::append_json_quoted(out, s.autocomplete);
    out += ",";
    core::append_json_quoted(out, s.input_mode);
    out += ",";
    core::append_json_quoted(out, s.announce);
    out += "]";
    return out;
}

const ui::RegisteredItem* active_text_field() {
    ImGuiContext& g = *GImGui;
    if (g.ActiveId == 0 || g.InputTextState.ID != g.ActiveId) return nullptr;
    const ui::RegisteredItem* item = ui::find_registered_item(g.ActiveId);
    return item && item->role == ui::Role::TextField ? item : nullptr;
}

TextEdit text_of(const ImGuiInputTextState& state) {
    TextEdit edit;
    edit.id = state.ID;
    edit.text.resize(static_cast<size_t>(state.CurLenW) * 4 + 1);
    const int bytes = ImTextStrToUtf8(edit.text.data(), static_cast<int>(edit.text.size()), state.TextW.Data,
                                      state.TextW.Data + state.CurLenW);
    edit.text.resize(static_cast<size_t>(bytes));
    edit.start = std::min(state.Stb.select_start, state.Stb.select_end);
    edit.end = std::max(state.Stb.select_start, state.Stb.select_end);
    if (edit.start == edit.end) edit.start = edit.end = state.Stb.cursor;
    return edit;
}

bool same_text(const TextEdit& a, const TextEdit& b) {
    return a.id == b.id && a.text == b.text && a.start == b.start && a.end == b.end;
}

// The DOM's text replaces the field's, as if typed: ImGui sees its text
// differ from the caller's string this frame and reports the edit.
void replace_text(ImGuiInputTextState& state, const TextEdit& edit) {
    const char* begin = edit.text.c_str();
    const char* end = begin + edit.text.size();
    state.TextW.resize(ImTextCountCharsFromUtf8(begin, end) + 1);
    state.CurLenW = ImTextStrFromUtf8(state.TextW.Data, state.TextW.Size, begin, end);
    state.CurLenA = static_cast<int>(edit.text.size());
    state.BufCapacityA = std::max(state.BufCapacityA, state.CurLenA + 1);
    state.Stb.select_start = edit.start;
    state.Stb.select_end = edit.end;
    state.Stb.cursor = edit.end;
    state.Stb.has_preferred_x = 0;
    // The browser keeps its own undo history; ImGui's would point into the old text.
    state.Stb.undostate.undo_point = 0;
    state.Stb.undostate.undo_char_point = 0;
    state.Stb.undostate.redo_point = STB_TEXTEDIT_UNDOSTATECOUNT;
    state.Stb.undostate.redo_char_point = STB_TEXTEDIT_UNDOCHARCOUNT;
    state.CursorClamp();
    state.CursorAnimReset();
}

void activate_text_field(ImGuiID id) {
    ImGuiContext& g = *GImGui;
    g.NavNextActivateId = id;
    g.NavNextActivateFlags = ImGuiActivateFlags_PreferInput | ImGuiActivateFlags_TryToPreserveState;
}

}  // namespace

bool mirror_apply_requests() {
    ImGuiContext& g = *GImGui;
    // Text typed into the active field lands before focus moves on: the field
    // copies it to the form only while it is still active, in this frame.
    if (!g_edits.empty() && g.ActiveId == g_edits.front().id && g.InputTextState.ID == g.ActiveId) {
        replace_text(g.InputTextState, g_edits.front());
        g_text_known = g_edits.front();
        g_edits_applied = g_edits.front().number;
        g_edits.pop_front();
        return true;
    }
    if (g_blur_request) {
        g_blur_request = false;
        if (active_text_field()) ImGui::ClearActiveID();
    }
    if (g_focus_request != 0) {
        const ImGuiID id = std::exchange(g_focus_request, 0);
        if (const ui::RegisteredItem* item = ui::find_registered_item(id)) {
            if (g.ActiveId != 0 && g.ActiveId != id && active_text_field()) ImGui::ClearActiveID();
            if (ImGuiWindow* window = ImGui::FindWindowByID(item->window)) {
                // A screen reader or Tab reached an item scrolled out of view.
                const bool hidden = item->visible.GetWidth() < item->rect.GetWidth() - 1 ||
                                    item->visible.GetHeight() < item->rect.GetHeight() - 1;
                if (hidden) ImGui::ScrollToBringRectIntoView(window, item->rect);
                ImGui::SetFocusID(id, window);
            }
            // A click on the field activates it itself, with the caret where it clicked.
            if (item->role == ui::Role::TextField && !g_focus_by_pointer && g.ActiveId != id) activate_text_field(id);
        }
    }
    if (g_activate_request != 0) {
        const ImGuiID id = std::exchange(g_activate_request, 0);
        if (const ui::RegisteredItem* item = ui::find_registered_item(id))
            if (ImGuiWindow* window = ImGui::FindWindowByID(item->window)) ImGui::SetFocusID(id, window);
        ImGui::ActivateItem(id);
    }
    if (g_edits.empty()) return false;
    const TextEdit& edit = g_edits.front();
    if (g.NavNextActivateId == 0) {
        // A password manager may fill a field nobody focused: activate it first.
        if (active_text_field()) ImGui::ClearActiveID();
        activate_text_field(edit.id);
    }
    return true;
}

void mirror_draw_focus_ring() {
    if (!g_ring_visible || g_dom_focus == 0) return;
    const ui::RegisteredItem* item = ui::find_registered_item(g_dom_focus);
    if (!item || item->visible.GetWidth() <= 0 || item->role == ui::Role::TextField) return;
    const float grow = ui::px(3);
    ImGui::GetForegroundDrawList()->AddRect(ImVec2(item->visible.Min.x - grow, item->visible.Min.y - grow),
                                            ImVec2(item->visible.Max.x + grow, item->visible.Max.y + grow),
                                            ui::colour::accent, ui::px(6), 0, ui::px(2));
}

void mirror_send_changes(float pixel_ratio) {
    const double start = emscripten_get_now();
    ImGuiContext& g = *GImGui;
    std::string set, move, gone, order_text;
    std::vector<ImGuiID> order;
    for (auto& [id, sent] : g_sent) sent.seen = false;
    for (const ui::RegisteredItem& item : ui::registered_items()) {
        if (!is_exposed(item)) continue;
        order.push_back(item.id);
        SentItem& sent = g_sent[item.id];
        sent.seen = true;
        const ImU64 print = fingerprint(item);
        if (print != sent.print) {
            set += (set.empty() ? "" : ",") + ("[" + std::to_string(item.id) + "," + attributes_of(item) + "]");
            sent.print = print;
        }
        const int x = static_cast<int>(std::lround(item.rect.Min.x / pixel_ratio));
        const int y = static_cast<int>(std::lround(item.rect.Min.y / pixel_ratio));
        const int w = static_cast<int>(std::lround(item.rect.GetWidth() / pixel_ratio));
        const int h = static_cast<int>(std::lround(item.rect.GetHeight() / pixel_ratio));
        if (x != sent.x || y != sent.y || w != sent.w || h != sent.h) {
            move += (move.empty() ? "[" : ",[") + std::to_string(item.id) + "," + std::to_string(x) + "," +
                    std::to_string(y) + "," + std::to_string(w) + "," + std::to_string(h) + "]";
            sent.x = x, sent.y = y, sent.w = w, sent.h = h;
        }
    }
    for (auto it = g_sent.begin(); it != g_sent.end();) {
        if (it->second.seen) { ++it; continue; }
        gone += (gone.empty() ? "" : ",") + std::to_string(it->first);
        it = g_sent.erase(it);
    }
    const bool order_changed = order != g_order_sent;
    if (order_changed) {
        for (const ImGuiID id : order) order_text += (order_text.empty() ? "" : ",") + std::to_string(id);
        g_order_sent = order;
    }

    // ImGui moved focus itself (a click): the DOM follows.
    std::string focus;
    const ui::RegisteredItem* field = active_text_field();
    const ImGuiID imgui_focus = field ? field->id : g.NavId;
    if (imgui_focus != g_imgui_focus_seen) {
        g_imgui_focus_seen = imgui_focus;
        const ui::RegisteredItem* item = ui::find_registered_item(imgui_focus);
        if (item && is_focusable(item->role) && imgui_focus != g_dom_focus) focus = std::to_string(imgui_focus);
    }
    // The active field's text and selection, when ImGui changed them (a mouse
    // selection, a field just activated).
    std::string text;
    if (field && g_edits.empty()) {
        const TextEdit now = text_of(g.InputTextState);
        // The caret is the DOM's, except where ImGui put it for a click or a
        // drag in the field, or a field entered by keyboard (all selected).
        const ImGuiIO& io = g.IO;
        const bool mouse_in_field =
            (io.MouseClicked[0] || io.MouseReleased[0] || (io.MouseDown[0] && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0))) &&
            field->visible.Contains(io.MousePos);
        const bool caret_moved_here = mouse_in_field || (g.ActiveIdIsJustActivated && g.ActiveIdSource == ImGuiInputSource_Nav);
        if (now.text != g_text_known.text || now.id != g_text_known.id || (caret_moved_here && !same_text(now, g_text_known))) {
            g_text_known = now;
            text = "[" + std::to_string(now.id) + ",";
            core::append_json_quoted(text, now.text);
            text += "," + std::to_string(now.start) + "," + std::to_string(now.end) + "," +
                    std::to_string(g_edits_applied) + "]";
        }
    }

    if (!set.empty() || !move.empty() || !gone.empty() || order_changed || !focus.empty() || !text.empty()) {
        std::string update = "{\"set\":[" + set + "],\"move\":[" + move + "],\"gone\":[" + gone + "]";
        if (order_changed) update += ",\"order\":[" + order_text + "]";
        if (!focus.empty()) update += ",\"focus\":" + focus;
        if (!text.empty()) update += ",\"text\":" + text;
        update += "}";
        portal_js_mirror_update(update.c_str());
    }
    g_last_ms = emscripten_get_now() - start;
}

double mirror_last_ms() { return g_last_ms; }

}  // namespace shell

// --- from the DOM (portal_library.js) -------------------------------------------

extern "C" {

// An element got DOM focus: by Tab or a screen reader (reason 0), because
// the person clicked or tapped its field (1), or because ImGui focused its
// item and the DOM followed (2: nothing to ask back). focus_visible: the
// browser would show a focus ring (keyboard, not mouse).
EMSCRIPTEN_KEEPALIVE void portal_on_mirror_focus(unsigned id, int reason, int focus_visible) {
    shell::g_dom_focus = id;
    shell::g_ring_visible = focus_visible != 0;
    if (reason != 2) {
        shell::g_focus_request = id;
        shell::g_focus_by_pointer = reason == 1;
    }
    shell::wake(3);
}

// DOM focus left the mirror (to the canvas or out of the page).
EMSCRIPTEN_KEEPALIVE void portal_on_mirror_blur() {
    shell::g_dom_focus = 0;
    shell::g_ring_visible = false;
    shell::g_blur_request = true;
    shell::wake(2);
}

// Enter or Space on a button, a screen reader's "click", a checkbox toggled.
EMSCRIPTEN_KEEPALIVE void portal_on_mirror_activate(unsigned id) {
    shell::g_activate_request = id;
    shell::wake(3);
}

// The field's <input> changed (typing, composition committed, dictation, a
// password manager's fill) or only its selection moved; offsets in code
// points; `number` counts the DOM's edits.
EMSCRIPTEN_KEEPALIVE void portal_on_text_edit(unsigned id, const char* text, int start, int end, int number) {
    using namespace shell;
    TextEdit edit{id, text, start, end, number};
    for (TextEdit& queued : g_edits)
        if (queued.id == id) {   // the newest state of a field replaces the one waiting
            queued = std::move(edit);
            wake(3);
            return;
        }
    // Only the caret moved: that matters to the field being edited alone;
    // activating another field for it would pull focus.
    const ui::RegisteredItem* item = ui::find_registered_item(id);
    const std::string& known = g_text_known.id == id ? g_text_known.text : item ? item->state.value : edit.text;
    const bool editing = GImGui->ActiveId == id && GImGui->InputTextState.ID == id;
    if (edit.text == known && (!editing || same_text(edit, g_text_known))) {
        g_edits_applied = number;
        return;
    }
    g_edits.push_back(std::move(edit));
    wake(3);
}

EMSCRIPTEN_KEEPALIVE double portal_test_mirror_ms() { return shell::mirror_last_ms(); }

}
