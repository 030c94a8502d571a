// The page's test interface (?test=1): every item ImGui lays out in a frame,
// with the label a person reads on it and its rectangle in CSS pixels, read by
// the browser tests through window.portalTest. Built on ImGui's test-engine
// item hooks; without ?test=1 the hooks are off and nothing is recorded.
#pragma once

#include <string>

namespace shell {

void enable_test_hook();
bool test_hook_enabled();

// Frame boundaries: items recorded between begin and end become the "last
// frame" that items() reports.
void test_hook_begin_frame(float pixel_ratio);
void test_hook_end_frame();

// CPU time of the last frame in ms, whole (layout, update, GL calls) and for
// the UI alone (ui::draw with the SLA badges, and ImGui's layout), for the
// frame-cost benchmark.
void test_hook_frame_time(double frame_ms, double ui_ms);

// A frame whose picture changed was handed to the browser (presented());
// frames with an unchanged picture are laid out but not presented.
void test_hook_presented();
// Main-thread cost of keeping drafts, for the benchmark: the whole handling
// of one edit (validation, the draft's JSON, handing it to the page) and the
// hand-over alone; the IndexedDB write itself happens later, off the frame.
void test_hook_edit_time(double dispatch_ms);
void test_hook_draft_handover_time(double ms);

// What screen() reports: the current screen's hash route.
void test_hook_set_screen(std::string hash);

}  // namespace shell
