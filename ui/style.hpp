// The portal's look: colours, sizes and fonts in one place. Sizes are given in
// CSS pixels and scaled to device pixels with px(), so the page is as crisp on
// a devicePixelRatio 2 screen as text in any other web page.
#pragma once

#include <imgui.h>

namespace ui {

// Light theme. Text colours keep at least 4.5:1 contrast on white (WCAG AA).
namespace colour {
inline constexpr ImU32 page = IM_COL32(247, 248, 250, 255);
inline constexpr ImU32 surface = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 border = IM_COL32(222, 226, 232, 255);
inline constexpr ImU32 border_strong = IM_COL32(196, 202, 211, 255);
inline constexpr ImU32 text = IM_COL32(31, 35, 40, 255);
inline constexpr ImU32 text_secondary = IM_COL32(87, 96, 106, 255);   // 6.2:1 on white
inline constexpr ImU32 accent = IM_COL32(37, 99, 235, 255);           // primary actions, focus
inline constexpr ImU32 accent_soft = IM_COL32(235, 241, 254, 255);
inline constexpr ImU32 accent_border = IM_COL32(208, 222, 252, 255);   // around accent_soft
inline constexpr ImU32 warning_soft = IM_COL32(255, 247, 230, 255);
inline constexpr ImU32 warning_border = IM_COL32(240, 196, 110, 255);
inline constexpr ImU32 warning_text = IM_COL32(122, 72, 0, 255);      // 7.4:1 on its background
inline constexpr ImU32 danger_soft = IM_COL32(254, 238, 238, 255);
inline constexpr ImU32 danger_border = IM_COL32(200, 40, 40, 255);
inline constexpr ImU32 danger_text = IM_COL32(176, 28, 28, 255);        // 6.0:1 on white
inline constexpr ImU32 success_soft = IM_COL32(232, 247, 238, 255);
inline constexpr ImU32 success_border = IM_COL32(166, 222, 187, 255);
inline constexpr ImU32 success_text = IM_COL32(21, 108, 54, 255);
}  // namespace colour

struct Fonts {
    ImFont* body = nullptr;          // 15 px regular
    ImFont* body_strong = nullptr;   // 15 px semibold
    ImFont* small = nullptr;         // 13 px regular
    ImFont* title = nullptr;         // 20 px semibold
    ImFont* heading = nullptr;       // 28 px semibold
};

// Builds the font atlas from the Inter files (Regular and SemiBold) at
// `scale` x the CSS sizes, and sets the style for that scale. Call again when
// devicePixelRatio changes; the renderer must then re-upload the atlas.
void load_style(const char* regular_font_path, const char* semibold_font_path, float scale);

const Fonts& fonts();
float scale();
inline float px(float css_pixels) { return css_pixels * scale(); }

}  // namespace ui
