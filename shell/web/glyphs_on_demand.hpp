// Characters the portal's own font does not hold (Cyrillic, Greek, Chinese,
// Japanese, Korean, emoji...) drawn by the browser's fonts, as an HTML page
// would show them: Inter is cut down to Latin to keep the first load small,
// so each character that appears in the frame's text and has no glyph is
// rendered once with Canvas 2D into the font atlas, at every size the portal
// uses, and the atlas is rebuilt. Until then ImGui shows its fallback glyph
// for a frame.
#pragma once

namespace ui { struct Fonts; }

namespace shell {

// Reads the text of the frame's items (ui/item_registry) for characters no
// font has; true when some wait to be added (rebuild the atlas then).
bool glyphs_wanted();

// For ui::load_style: adds a glyph rectangle for each character collected,
// to every font, before the atlas is built.
void add_wanted_glyphs(const ui::Fonts& fonts);

// After the atlas is built: paints the added glyphs into its pixels (before
// the renderer uploads them) and remembers the fonts' proportions.
void paint_added_glyphs(const ui::Fonts& fonts);

// How many characters of the last frame's text had no glyph (test hook).
int glyphs_missing();
// How many of Inter's own letters (font_extension's) the browser's fonts drew
// instead (test hook): none should be.
int font_extension_letters_painted();

}  // namespace shell
