// Inter's accented Latin letters (é ü ñ ç of Latin-1, ą č ę ł ő ş ž of
// Latin Extended-A), kept out of the
// module so that a first visit loads less: fetched as two small faces the
// first time such a letter is on screen, then merged into the atlas at its
// next build. If they cannot be fetched (offline before the service worker
// kept them), those letters are drawn by the browser's fonts instead, as any
// other character Inter lacks (glyphs_on_demand).
#pragma once

#include <span>

namespace shell {

// True while `code_point` is one of the extension's letters and its faces
// are not in hand yet: the caller waits for them rather than drawing the
// letter some other way. The first call for such a letter starts the fetch.
bool font_extension_pending(unsigned code_point);
bool is_font_extension_letter(unsigned code_point);

// The faces, once fetched (empty before, and when the fetch failed).
std::span<const unsigned char> inter_regular_extension();
std::span<const unsigned char> inter_semibold_extension();

// True once, after the faces arrived or failed: the atlas should be rebuilt.
bool font_extension_settled();

// 0 not asked for, 1 fetching, 2 in hand, 3 failed (test hook).
int font_extension_state();

}  // namespace shell
