// Phones and zoomed-in desktops: below 720 CSS px of viewport the page is one
// column, the header a menu, tables stacked cards (label above value) and
// every tap target at least 44 CSS px tall.
#pragma once

#include <imgui.h>

#include <string>

namespace ui {

inline constexpr float narrow_below = 720;   // CSS px of viewport width
inline constexpr float tap_target = 44;      // CSS px, what a fingertip hits reliably

// Whether the viewport, ImGui's display width in CSS px, gets the phone layout.
bool narrow_layout();

// A table row drawn as a card on narrow screens: a bordered box, as wide as
// `width`, around what is drawn between begin_row_card and end_row_card.
struct RowCard {
    ImVec2 start;
    float width = 0;
    float content_width = 0;   // inside the padding
};
RowCard begin_row_card(float width);
void end_row_card(const RowCard& card);

// A field of a row card: its column's name, small, above the value the
// caller draws next.
void row_card_caption(const char* caption);

}  // namespace ui

namespace ui {

// A radio button. On narrow screens its words wrap within the text wrap
// width and the whole line is the tap target; elsewhere it is ImGui's own.
bool radio(const std::string& label, bool active);

// The size of an option in a drop-down list: a fingertip's height on
// narrow screens, ImGui's own elsewhere (0: fit the text).
ImVec2 option_size();

// A dialog `preferred` CSS px wide, narrower when the viewport is.
float dialog_width(float preferred);

}  // namespace ui
