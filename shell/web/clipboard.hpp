// ImGui's clipboard backed by the system clipboard: copy writes through
// navigator.clipboard; paste arrives as the browser's paste event (the only
// way to read text another application copied without a permission prompt).
#pragma once

namespace shell {

void install_clipboard();
void set_clipboard_text(const char* text);

}  // namespace shell
