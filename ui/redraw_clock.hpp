// Words on screen that depend on the clock ("13m left", "Sat 11:39",
// "as of 5 minutes ago") note when they next read differently. The shell
// draws again at the earliest of those instants and not before: a second that
// changes no word costs no frame, and an idle page with countdowns stays idle
// between their minutes.
#pragma once

#include "core/app.hpp"

#include <optional>
#include <string>

namespace ui {

// draw() starts each frame with this: what the last frame noted is forgotten.
void redraw_clock_begin_frame();
// Something drawn this frame reads differently from `when` on.
void redraw_at(std::optional<core::Instant> when);
// The earliest instant noted by the last frame; nullopt when nothing on
// screen depends on the clock.
std::optional<core::Instant> next_redraw();

// core::format_weekday_time at state.now, noting when it changes.
std::string weekday_time(const core::State& state, core::Instant t, const core::TimeZone* zone);
// core::edited_text at state.now in the viewer's zone, noting when it changes.
std::string edited_words(const core::State& state, std::optional<core::Instant> edited_at);

}  // namespace ui
