// The portal's look: colours, sizes and fonts in one place. Sizes are given in
// CSS pixels and scaled to device pixels with px(), so the page is as crisp on
// a devicePixelRatio 2 screen as text in any other web page.
#pragma once

#include <imgui.h>

#include "palette.hpp"

#include <span>

namespace ui {

// The colours of the theme in use (palette.hpp has them all, light and dark),
// kept as ImU32 so screens draw with colour::accent directly. use_palette()
// sets them; they are not constants because the theme follows the browser's
// prefers-color-scheme while the page runs.
namespace colour {
inline ImU32 page, surface, border, border_strong, text, text_secondary, accent, accent_hovered,
    accent_pressed, on_accent, accent_soft, accent_soft_pressed, accent_border, accent_text, warning_soft,
    warning_border, warning_text, danger_soft, danger_border, danger_badge_border, danger_text, danger_action,
    danger_action_hovered, danger_action_pressed, on_danger, success_soft, success_border, success_text,
    neutral_soft, neutral_border, neutral_text, avatar_empty, table_header, row_alt, card_shadow, banner,
    banner_text, banner_link, banner_muted, banner_button_hovered, banner_button_pressed, scrollbar_grab,
    scrollbar_grab_hovered, scrollbar_grab_pressed,
    selection, modal_dim;
inline constexpr ImU32 clear = 0;   // draws nothing: a button with no fill or border
}  // namespace colour

// Switches colour:: and ImGui's style colours to the dark or the light
// palette; the next frame draws with them.
void use_palette(bool dark);
bool dark_palette_in_use();

// The browser's prefers-reduced-motion. Nothing in the portal animates today
// (no smooth scrolling, the text cursor does not blink); motion added later,
// such as momentum scrolling on touch, must stay still when this is true.
void set_reduced_motion(bool reduce);
bool reduced_motion();

struct Fonts {
    ImFont* body = nullptr;          // 15 px regular
    ImFont* body_strong = nullptr;   // 15 px semibold
    ImFont* small = nullptr;         // 13 px regular
    ImFont* title = nullptr;         // 20 px semibold
    ImFont* heading = nullptr;       // 28 px semibold
};

// Inter's faces as bytes, which must outlive the atlas. The extensions
// (Latin Extended-A) may be empty: they come later, when a letter needs them.
struct FontFaces {
    std::span<const unsigned char> regular;
    std::span<const unsigned char> semibold;
    std::span<const unsigned char> regular_extension;
    std::span<const unsigned char> semibold_extension;
};

// Builds the font atlas from `faces` at `scale` x the CSS sizes, and sets the
// style for that scale. Call again when devicePixelRatio changes or a face
// arrives; the renderer must then re-upload the atlas.
// `before_build`, when given, may add glyphs of its own to the fonts just
// before the atlas is built (characters Inter lacks, drawn by the platform).
void load_style(const FontFaces& faces, float scale, void (*before_build)(const Fonts& fonts) = nullptr);

const Fonts& fonts();
float scale();
inline float px(float css_pixels) { return css_pixels * scale(); }

}  // namespace ui
