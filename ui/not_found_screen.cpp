#include "screens.hpp"
#include "style.hpp"
#include "widgets.hpp"

namespace ui {

void draw_not_found_screen(const core::NotFoundScreen& screen, Column, Actions& out) {
    const Fonts& f = fonts();
    heading("Page not found");
    paragraph(f.body, colour::text_secondary,
              "There is no page at \"" + screen.hash + "\". The link may be old or mistyped.");
    ImGui::Dummy(ImVec2(0, px(8)));
    if (button("Go to the home page", true)) out.push_back(core::GoHome{});
}

}  // namespace ui
