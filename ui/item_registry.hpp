// What is on screen, item by item: every ImGui item of a frame with its
// rectangle (from ImGui's item hooks) and what a person would call it (its
// role, name, state: what the screens say through describe() and groups).
// One registry serves the accessibility mirror, touch hit-testing and the
// test hook (shell/web), so they can never disagree about the screen.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ui {

enum class Role : std::uint8_t {
    None,   // laid out but not exposed (spacing, scrollbars, unnamed items)
    // leaves
    Text, Heading, Button, Link, TextField, Checkbox, Radio, Tab, ComboBox, Option,
    Status,   // text announced as it appears or changes (online/offline, a ticket filed)
    Alert,    // the same, at once, interrupting (an error after a submit)
    // groups: their items are their children
    Banner, Navigation, Main, Dialog, RadioGroup, TabList, ListBox, Table, Row, Cell, ColumnHeader, Group,
};

bool is_group(Role role);

// What ImGui cannot know about an item.
struct ItemState {
    int level = 0;              // headings: 1 for the page title, 2 for sections
    std::string description;    // a field's hint or error, read after its name
    std::string value;          // a text field's text; a table's row count, a row's number (from 1)
    std::string announce;       // said once whenever it changes to something new (a badge turning
                                // "at risk"), unlike the item's name, which may change every minute
    bool invalid = false;       // the description is an error
    bool required = false;
    bool checked = false;       // checkboxes, radios
    bool selected = false;      // tabs, options, the current navigation link
    bool expanded = false;      // combo boxes whose list is open
    bool disabled = false;
    bool multiline = false;
    bool password = false;
    bool submits = false;       // the form's main action: Enter in a field and Ctrl+Enter press it
    bool cancels = false;       // Escape presses it (a dialog's Cancel)
    const char* autocomplete = "";   // HTML autocomplete token for password managers
    const char* input_mode = "";     // "email", "url", "numeric": the phone keyboard to show
};

struct RegisteredItem {
    ImGuiID id = 0;
    ImGuiID parent = 0;      // the group it belongs to, 0 at the top
    ImGuiID window = 0;      // ImGui window that laid it out
    Role role = Role::None;
    std::string name;
    ItemState state;
    ImRect rect;             // device pixels, screen coordinates
    ImRect visible;          // the part inside its window's clip rectangle (may be empty)
    bool overlay = false;    // in a popup, menu or dialog drawn over the page
};

// Frame boundaries (the shell calls these around ui::draw).
void registry_begin_frame();
void registry_end_frame();

// The items of the last complete frame, in the order they were laid out
// (reading order); a group comes before its children.
std::span<const RegisteredItem> registered_items();
const RegisteredItem* find_registered_item(ImGuiID id);

// Says what the last item is; the returned state may be filled in at once
// (it is valid until the next item is laid out).
ItemState& describe(Role role);
// Names the last item (e.g. a text field by its caption). An item without an
// id (plain text) is registered under an id made from its words.
void name_last_item(std::string_view name, Role role_if_text = Role::Text);

// Groups: items laid out between begin and end are its children. The group's
// rectangle is the union of its children's. Rows and cells are named by their
// contents, their `name` only keeps their id apart. The state returned is valid
// until the next item is laid out.
ItemState& begin_group(Role role, std::string_view name);
// The same, for a group whose id the caller makes (table rows and cells: no
// text to build per cell).
ItemState& begin_group(Role role, std::string_view name, ImGuiID id);
void end_group();
// The current ImGui window is a modal dialog called `name`: everything it
// lays out this frame belongs to the dialog.
void begin_dialog(std::string_view name);

}  // namespace ui
