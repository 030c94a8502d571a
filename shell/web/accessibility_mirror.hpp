// The accessibility mirror: every frame's registered items (ui/item_registry)
// as real DOM elements laid over the canvas, with their roles, names and
// states, so screen readers, the keyboard's Tab order, phone keyboards, input
// methods and password managers work on the canvas as on any HTML page.
// Only differences from the last frame cross into JavaScript, keyed by ImGui
// id, so a screen reader's place survives frames and an unchanged screen
// costs nothing. The DOM side is $portalMirror in portal_library.js.
//
// Focus runs both ways: a DOM element that gets focus (Tab, a screen reader,
// a tap on a text field) focuses or activates its ImGui item, and an ImGui
// item focused by a click moves DOM focus to its element. While a text field
// is active its <input> holds DOM focus and is the editing engine; each edit
// (typing, IME composition, dictation, a password manager's fill) is copied
// into ImGui's field, and ImGui's text and selection back.
#pragma once

namespace shell {

// After ImGui::NewFrame, before ui::draw: applies what the DOM asked for since
// the last frame (focus, activation, text edits), so this frame's widgets see
// a field left or an edit made. Returns true while requests remain, so the
// caller keeps frames coming.
bool mirror_apply_requests();

// After ui::draw (and ui::registry_end_frame), before ImGui::Render: draws
// the keyboard focus ring on the item focused in the DOM.
void mirror_draw_focus_ring();

// After the frame: hands the DOM what changed.
void mirror_send_changes(float pixel_ratio);

// Test and benchmark figures: time spent in mirror_send_changes.
double mirror_last_ms();

}  // namespace shell
