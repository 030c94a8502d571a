// Small building blocks shared by the screens: text blocks that can be
// measured before they are drawn (cards need their height up front), a card
// button, a link button, and the labels the test hook reads.
#pragma once

#include "item_registry.hpp"

#include <imgui.h>

#include <map>

#include <string>
#include <string_view>
#include <vector>

namespace ui {

// Tells the item registry what a person reads on or next to the last item,
// e.g. a route card's title or a text field's caption; plain text becomes a
// text item of its own.
void expose_label(std::string_view label);
void expose_label(ImGuiID id, std::string_view label);

// Headings: level 1 is the page's title, 2 a section or a dialog's title.
void heading(std::string_view text, int level = 1);

// A run of wrapped text in one font and colour, laid out in a column.
struct TextRun {
    ImFont* font = nullptr;
    ImU32 colour = 0;
    std::string text;
    float space_before = 0;   // CSS px
    bool bullet = false;      // indented, with a bullet mark
};

// Height in device pixels of `runs` wrapped at `width`.
float measure_runs(const std::vector<TextRun>& runs, float width);
// Draws `runs` at `origin` (screen coordinates) and returns their height.
float draw_runs(ImDrawList* draw_list, ImVec2 origin, const std::vector<TextRun>& runs, float width);

// Wrapped text at the cursor in the current window.
void paragraph(ImFont* font, ImU32 colour, std::string_view text);

// A clickable card of a fixed size whose contents the caller draws; returns
// true when clicked. Shows a hover state and a hand cursor.
bool card_button(const char* id, std::string_view label, ImVec2 size, bool* hovered);

// Text that acts as a link, exposed under `label` (the words without any
// decoration such as an arrow). Returns true when clicked.
bool link_button(const char* id, std::string_view text, std::string_view label, ImFont* font);

// A filled primary or quiet secondary button with its own text as label.
bool button(std::string_view text, bool primary);

// Puts the next button beside the last item when it fits in the column (the
// text wrap width), else on a line of its own: a row of buttons on a phone.
void beside_if_room(std::string_view next_button_text);
// A primary button that, while its request is under way, shows `busy_text`
// and cannot be pressed again.
bool submit_button(std::string_view text, std::string_view busy_text, bool busy);

// What a field holds, for password managers and phone keyboards (HTML's
// autocomplete and inputmode).
struct FieldPurpose {
    const char* autocomplete = "";
    const char* input_mode = "";
    bool required = false;
};

// A labelled single-line field: caption above, the box, then the error in
// red (the box's border red too) or else the hint. Returns true when edited;
// `value` holds the new text.
bool form_field(const char* id, std::string_view caption, std::string& value, std::string_view error,
                std::string_view hint = {}, bool password = false, float width = 0, FieldPurpose purpose = {});

// A labelled multi-line field: caption above in strong text, the box `size`
// big, then the error in red. Returns true when edited; `value` holds the
// new text.
bool text_area(const char* id, std::string_view caption, std::string& value, std::string_view error, ImVec2 size,
               bool required = false);
// A captioned drop-down (caption above, in small text) showing
// options[chosen]; a screen reader hears a combo box named `caption` and,
// open, its options. True when another option was picked, its index then in
// `chosen`.
bool choice_combo(const char* id, std::string_view caption, const std::vector<std::string>& options, int& chosen,
                  float width);

// Marks the last button as the form's main action (Enter in a field and
// Ctrl+Enter press it) or as the dialog's way out (Escape presses it).
void submits_form();
void cancels_dialog();

// Text in the colour of errors, wrapped. error_text says what went wrong with
// something the person did (a submit, a sign-in), and screen readers say it at
// once; field_error_text sits under a field that already has it as description.
void error_text(std::string_view text);
void field_error_text(std::string_view text);

// A form's own error (not one field's), wrapped at the form's `width`, with
// a little space after it.
void form_error(std::string_view text, float width);

// The message for `field` among a problem's per-field errors, or "" (what
// form_field takes as its error).
std::string field_error(const std::map<std::string, std::string>& errors, const char* field);

// A filled, bordered box holding `runs`, as wide as `width`: notes, warnings,
// the incident banner.
void callout(const std::vector<TextRun>& runs, ImU32 background, ImU32 border, float width);

// `text` cut to `width` with an ellipsis (on a UTF-8 character boundary).
std::string fit_to_width(ImFont* font, const std::string& text, float width);

// One line of a table cell, vertically centred in a row of `row_height` and
// cut with an ellipsis to the column's width.
void cell_text(ImFont* font, ImU32 colour, const std::string& text, float row_height);

// Tables a screen reader can walk: ImGui lays them out, these say what they
// are. begin_table_semantics goes before ImGui::BeginTable (`rows`: how many
// the whole table has, in view or not), each row between begin_table_row and
// end_table_row (`number`: 0 for the header row, then from 1), and table_cell
// moves ImGui to a column and starts its cell. `key` tells rows apart.
void begin_table_semantics(std::string_view name, int rows);
void end_table_semantics();
void begin_table_row(std::string_view key, int number);
void table_cell(int column, Role role = Role::Cell);
void end_table_row();

// Dialogs look like the page: no ImGui title bar, a heading of our own.
inline constexpr ImGuiWindowFlags dialog_flags =
    ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoTitleBar;
void dialog_heading(const char* text);

// Moves the text cursor of the text field just activated to the end of its
// text, with nothing selected (ImGui selects all when focus comes by tabbing).
void put_text_cursor_at_end();

// Draws a focus ring around the last item when it is active.
void focus_ring_if_active();

}  // namespace ui
