// The Drafts screen: every request started on this device and not yet
// submitted, newest first, each with what it is about and when it was last
// edited; resume it, export it as a file for a colleague, or discard it (with
// Undo). "Import draft..." takes such a file back in.
#include "layout.hpp"
#include "redraw_clock.hpp"
#include "screens.hpp"
#include "style.hpp"
#include "widgets.hpp"

#include "core/model/draft_list.hpp"

#include <algorithm>
#include <cfloat>

namespace ui {

namespace {

float button_width(std::string_view text) {
    const ImFont* font = ImGui::GetFont();
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x +
           2 * ImGui::GetStyle().FramePadding.x;
}

// A button exposed to the test hook under words naming its draft, since
// every card has a "Discard".
bool card_action(const char* text, const std::string& label, bool primary) {
    const bool clicked = button(text, primary);
    expose_label(label);
    return clicked;
}

// "Draft discarded." with Undo, while the discarded form is kept.
void draw_undo_banner(const core::State& state, Column column, Actions& out) {
    if (!state.drafts.discarded) return;
    const Fonts& f = fonts();
    const core::Route* route = state.program.find_route(state.drafts.discarded->draft.route);
    const std::string text = "Draft discarded" + (route ? ": " + route->title : std::string()) + ".";
    const float padding = px(12);
    const float height = ImGui::GetFrameHeight() + 2 * padding;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, ImVec2(min.x + column.width, min.y + height), colour::banner, px(8));
    dl->AddText(f.body, f.body->FontSize, ImVec2(min.x + px(16), min.y + (height - f.body->FontSize) * 0.5f),
                colour::banner_text, text.c_str());
    ImGui::Dummy(ImVec2(column.width * 0.5f, height));
    expose_label("Draft discarded.");

    const float dismiss_width = button_width("Dismiss");
    const float undo_width = button_width("Undo");
    const float y = min.y + padding;
    ImGui::SetCursorScreenPos(ImVec2(min.x + column.width - padding - dismiss_width - px(8) - undo_width, y));
    ImGui::PushStyleColor(ImGuiCol_Button, colour::clear);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour::banner_button_hovered);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, colour::banner_button_pressed);
    ImGui::PushStyleColor(ImGuiCol_Border, colour::clear);
    ImGui::PushStyleColor(ImGuiCol_Text, colour::banner_link);
    ImGui::PushID("undo-discard");   // the notice above has a "Dismiss" too
    ImGui::PushFont(f.body_strong);
    if (button("Undo", false)) out.push_back(core::UndoDiscardDraft{});
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::PushStyleColor(ImGuiCol_Text, colour::banner_muted);
    ImGui::SameLine(0, px(8));
    if (button("Dismiss", false)) out.push_back(core::DismissUndoDiscard{});
    ImGui::PopID();
    ImGui::PopStyleColor(5);
    ImGui::SetCursorScreenPos(ImVec2(min.x, min.y + height));
    ImGui::Dummy(ImVec2(0, px(16)));
}

void draw_draft_card(const core::State& state, const core::DraftEntry& entry, Column column, Actions& out) {
    const Fonts& f = fonts();
    const float padding = px(20);
    const float line_gap = px(4);
    const float height = 2 * padding + f.body_strong->FontSize + f.body->FontSize + f.small->FontSize + 2 * line_gap +
                         px(6);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, ImVec2(min.x + column.width, min.y + height), colour::surface, px(10));
    dl->AddRect(min, ImVec2(min.x + column.width, min.y + height), colour::border, px(10));

    ImGui::PushID(entry.route_id.c_str());
    const char* resume = "Resume";
    const char* export_text = "Export";
    const char* discard = "Discard";
    const float gap = px(8);
    const float buttons = button_width(resume) + button_width(export_text) + button_width(discard) + 2 * gap;
    const float text_width = column.width - 2 * padding - buttons - px(24);

    float y = min.y + padding;
    auto line = [&](ImFont* font, ImU32 colour, const std::string& text, float space_after) {
        ImGui::SetCursorScreenPos(ImVec2(min.x + padding, y));
        ImGui::PushFont(font);
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        const std::string shown = fit_to_width(font, text, text_width);
        ImGui::TextUnformatted(shown.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        expose_label(text);
        y += font->FontSize + space_after;
    };
    line(f.body_strong, colour::text, entry.title, line_gap + px(6));
    line(f.body, entry.summary.empty() ? colour::text_secondary : colour::text,
         entry.summary.empty() ? "No details typed yet" : entry.summary, line_gap);
    // A queued one is on its way to the service; the card says so.
    auto form = state.requests.find(entry.route_id);
    const bool queued = form != state.requests.end() && !form->second.queued_key.empty();
    line(f.small, queued ? colour::accent : colour::text_secondary,
         (queued ? "Queued to be sent \xC2\xB7 " : "") + edited_words(state, entry.edited_at),
         0);

    ImGui::SetCursorScreenPos(
        ImVec2(min.x + column.width - padding - buttons, min.y + (height - ImGui::GetFrameHeight()) * 0.5f));
    if (card_action(resume, "Resume " + entry.title + " draft", true)) out.push_back(core::ResumeDraft{entry.route_id});
    ImGui::SameLine(0, gap);
    if (card_action(export_text, "Export " + entry.title + " draft", false))
        out.push_back(core::ExportDraft{entry.route_id});
    ImGui::SameLine(0, gap);
    ImGui::BeginDisabled(queued);   // take it back to edit first (on its form)
    if (card_action(discard, "Discard " + entry.title + " draft", false))
        out.push_back(core::DiscardDraft{entry.route_id});
    ImGui::EndDisabled();
    ImGui::PopID();

    ImGui::SetCursorScreenPos(ImVec2(min.x, min.y + height));
    ImGui::Dummy(ImVec2(0, px(12) - ImGui::GetStyle().ItemSpacing.y));
}

void draw_empty(Column column, Actions& out) {
    const Fonts& f = fonts();
    const float padding = px(28);
    const float height = 2 * padding + f.title->FontSize + f.body->FontSize * 2 + px(24);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, ImVec2(min.x + column.width, min.y + height), colour::surface, px(10));
    dl->AddRect(min, ImVec2(min.x + column.width, min.y + height), colour::border, px(10));
    ImGui::SetCursorScreenPos(ImVec2(min.x + padding, min.y + padding));
    ImGui::PushFont(f.title);
    ImGui::TextUnformatted("No drafts on this device");
    ImGui::PopFont();
    expose_label("No drafts on this device");
    ImGui::SetCursorScreenPos(ImVec2(min.x + padding, ImGui::GetCursorScreenPos().y + px(6)));
    paragraph(f.body, colour::text_secondary,
              "When you start a request, what you type is kept here until you submit it.");
    ImGui::SetCursorScreenPos(ImVec2(min.x + padding, ImGui::GetCursorScreenPos().y + px(10)));
    if (link_button("##get-help", "Get help \xE2\x86\x92", "Get help", f.body_strong)) out.push_back(core::GoHome{});
    ImGui::SetCursorScreenPos(ImVec2(min.x, min.y + height));
    ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace

void draw_drafts_screen(const core::State& state, Column column, Actions& out) {
    const Fonts& f = fonts();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const char* import_text = "Import draft\xE2\x80\xA6";
    const float import_width = button_width(import_text);
    const bool narrow = narrow_layout();
    heading("Drafts");
    // Wide: Import sits at the heading's right, like an action of the page,
    // and the words wrap short of it. Narrow: it follows the words.
    if (!narrow) ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column.width - import_width - px(24));
    paragraph(f.body, colour::text_secondary,
              "Requests you started on this device. They stay here, also after a reload or a restart, until you "
              "submit them.");
    if (!narrow) ImGui::PopTextWrapPos();
    const ImVec2 after_heading = ImGui::GetCursorScreenPos();
    if (!narrow) ImGui::SetCursorScreenPos(ImVec2(top.x + column.width - import_width, top.y + px(4)));
    if (button(import_text, false)) out.push_back(core::ImportDraft{});
    expose_label("Import draft...");
    if (!narrow) ImGui::SetCursorScreenPos(after_heading);
    ImGui::Dummy(ImVec2(0, px(16)));

    draw_undo_banner(state, column, out);
    const std::vector<core::DraftEntry> drafts = core::list_drafts(state);
    if (drafts.empty()) {
        draw_empty(column, out);
        return;
    }
    for (const core::DraftEntry& entry : drafts) draw_draft_card(state, entry, column, out);
    ImGui::Dummy(ImVec2(0, px(8)));
    paragraph(f.small, colour::text_secondary,
              "Export saves a draft as a file you can hand to a colleague; they open it with Import draft.");
}

}  // namespace ui
