#include "item_registry.hpp"

#include <cstdint>
#include <unordered_map>

namespace ui {

namespace {

// Two frames' items. Elements are reused from frame to frame (their strings
// keep their buffers): a frame lays out hundreds of items, and allocating
// each name anew was most of the registry's cost.
std::vector<RegisteredItem> g_current, g_last;
size_t g_current_used = 0, g_last_used = 0;
std::unordered_map<ImGuiID, size_t> g_index;   // id -> position in g_current
std::vector<size_t> g_open_groups;             // positions of the groups being laid out
std::unordered_map<ImGuiID, size_t> g_dialogs; // ImGui window -> position of its dialog group

// Items belong to the innermost open group, or to the dialog whose window
// lays them out when that dialog was opened later.
ImGuiID current_parent(const ImGuiContext& g) {
    size_t at = g_open_groups.empty() ? SIZE_MAX : g_open_groups.back();
    if (g.CurrentWindow) {
        auto dialog = g_dialogs.find(g.CurrentWindow->ID);
        if (dialog != g_dialogs.end() && (at == SIZE_MAX || at < dialog->second)) at = dialog->second;
    }
    return at == SIZE_MAX ? 0 : g_current[at].id;
}

// A group's rectangle: the union of its children's.
void enclose_children(size_t at) {
    bool first = true;
    ImRect rect, visible;
    for (size_t i = at + 1; i < g_current_used; ++i) {
        const RegisteredItem& child = g_current[i];
        if (child.parent != g_current[at].id) continue;
        if (first) rect = child.rect, visible = child.visible, first = false;
        else rect.Add(child.rect), visible.Add(child.visible);
    }
    g_current[at].rect = rect;
    g_current[at].visible = visible;
}

RegisteredItem* find_current(ImGuiID id) {
    auto it = g_index.find(id);
    return it == g_index.end() ? nullptr : &g_current[it->second];
}

// Two texts with the same words in one window would share an id; the mirror
// keys elements by id, so the later one gets an id of its own.
ImGuiID unique_id(ImGuiID id) {
    for (ImGuiID salt = 1; id == 0 || g_index.count(id); ++salt) id = ImHashData(&salt, sizeof salt, id);
    return id;
}

// A fresh item at the end, in a reused element when there is one.
RegisteredItem& next_item() {
    if (g_current_used == g_current.size()) g_current.emplace_back();
    RegisteredItem& item = g_current[g_current_used++];
    item.role = Role::None;
    item.name.clear();
    ItemState& s = item.state;
    std::string description = std::move(s.description), value = std::move(s.value), announce = std::move(s.announce);
    s = ItemState();
    s.description = std::move(description), s.value = std::move(value), s.announce = std::move(announce);
    s.description.clear(), s.value.clear(), s.announce.clear();
    item.overlay = false;
    item.window = 0;
    return item;
}

RegisteredItem& add(ImGuiContext& g, ImGuiID id, const ImRect& rect) {
    RegisteredItem& item = next_item();
    item.id = id;
    item.parent = current_parent(g);
    item.rect = rect;
    item.visible = rect;
    if (g.CurrentWindow) {
        item.window = g.CurrentWindow->ID;
        item.overlay = (g.CurrentWindow->RootWindow->Flags & ImGuiWindowFlags_Popup) != 0;
        item.visible.ClipWithFull(g.CurrentWindow->ClipRect);
    }
    if (item.visible.GetWidth() <= 0 || item.visible.GetHeight() <= 0) item.visible = ImRect();
    g_index[id] = g_current_used - 1;
    return item;
}

bool same_rect(const ImRect& a, const ImRect& b) {
    return a.Min.x == b.Min.x && a.Min.y == b.Min.y && a.Max.x == b.Max.x && a.Max.y == b.Max.y;
}

// "Caption##field-id" -> "Caption"; "##id" -> "".
std::string_view visible_label(const char* label) {
    std::string_view text(label ? label : "");
    const size_t hidden = text.find("##");
    return hidden == std::string_view::npos ? text : text.substr(0, hidden);
}

}  // namespace

bool is_group(Role role) { return role >= Role::Banner; }

void registry_begin_frame() {
    GImGui->TestEngineHookItems = true;
    g_current_used = 0;
    g_index.clear();
    g_open_groups.clear();
    g_dialogs.clear();
}

void registry_end_frame() {
    for (const auto& [window, at] : g_dialogs) enclose_children(at);
    // A named item nobody described is something to press: ImGui's own
    // buttons, selectables and invisible buttons.
    for (size_t i = 0; i < g_current_used; ++i)
        if (g_current[i].role == Role::None && !g_current[i].name.empty()) g_current[i].role = Role::Button;
    g_last.swap(g_current);
    std::swap(g_last_used, g_current_used);
}

std::span<const RegisteredItem> registered_items() { return {g_last.data(), g_last_used}; }

const RegisteredItem* find_registered_item(ImGuiID id) {
    for (const RegisteredItem& item : registered_items())
        if (item.id == id) return &item;
    return nullptr;
}

ItemState& describe(Role role) {
    static ItemState nowhere;
    ImGuiContext& g = *GImGui;
    RegisteredItem* item = g.LastItemData.ID != 0 ? find_current(g.LastItemData.ID)
                           : g_current_used == 0    ? nullptr
                                                  : &g_current[g_current_used - 1];
    if (!item) return nowhere = ItemState();
    item->role = role;
    return item->state;
}

void name_last_item(std::string_view name, Role role_if_text) {
    ImGuiContext& g = *GImGui;
    if (g.LastItemData.ID != 0) {
        if (RegisteredItem* item = find_current(g.LastItemData.ID)) item->name.assign(name);
        return;
    }
    // Text and spacing have no id, so ImGui tells no hook about them. Text
    // named twice (a paragraph, then its caller's shorter words) stays one item.
    if (g_current_used > 0) {
        RegisteredItem& last = g_current[g_current_used - 1];
        if (last.role == Role::Text && last.window == g.CurrentWindow->ID && same_rect(last.rect, g.LastItemData.Rect)) {
            last.name.assign(name);
            return;
        }
    }
    // Seeded apart from ImGui's own ids: the heading "Sign in" is not the button "Sign in".
    const ImGuiID id = unique_id(ImHashData(name.data(), name.size(), ImGui::GetID("##text")));
    RegisteredItem& item = add(g, id, g.LastItemData.Rect);
    item.name.assign(name);
    item.role = role_if_text;   // describe() right after this finds it last
}

ItemState& begin_group(Role role, std::string_view name) {
    // Seeded apart from ImGui's own ids, as text is.
    return begin_group(role, name, ImHashData(name.data(), name.size(), ImGui::GetID("##group")));
}

ItemState& begin_group(Role role, std::string_view name, ImGuiID id) {
    ImGuiContext& g = *GImGui;
    RegisteredItem& group = add(g, unique_id(id), ImRect());
    group.role = role;
    group.name.assign(name);
    g_open_groups.push_back(g_current_used - 1);
    return group.state;
}

void end_group() {
    if (g_open_groups.empty()) return;
    enclose_children(g_open_groups.back());
    g_open_groups.pop_back();
}

void begin_dialog(std::string_view name) {
    ImGuiContext& g = *GImGui;
    if (!g.CurrentWindow || g_dialogs.count(g.CurrentWindow->ID)) return;
    begin_group(Role::Dialog, name);
    g_open_groups.pop_back();   // not a group of the caller's: its window's items are its children
    g_dialogs[g.CurrentWindow->ID] = g_current_used - 1;
}

}  // namespace ui

// --- ImGui's test-engine hooks (imgui_internal.h) ----------------------------

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
    if (ui::find_current(id)) return;   // ButtonBehavior may report an item twice
    ui::RegisteredItem& item = ui::add(*ctx, id, bb);
    if (ctx->LastItemData.InFlags & ImGuiItemFlags_Inputable) item.role = ui::Role::TextField;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    ui::RegisteredItem* item = ui::find_current(id);
    if (!item) return;
    // The widget's own "##id" label arrives first; a caption the screen gives
    // later replaces it, never the other way round.
    const std::string_view text = ui::visible_label(label);
    if (!text.empty() && item->name.empty()) item->name.assign(text);
    if (item->role == ui::Role::None && (flags & ImGuiItemStatusFlags_Checkable)) {
        item->role = ui::Role::Checkbox;
        item->state.checked = (flags & ImGuiItemStatusFlags_Checked) != 0;
    }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID id) {
    const ui::RegisteredItem* item = ui::find_registered_item(id);
    return item ? item->name.c_str() : nullptr;
}
