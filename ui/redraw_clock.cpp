#include "redraw_clock.hpp"

#include "core/model/draft_list.hpp"
#include "core/text/time_text.hpp"

namespace ui {

namespace {
std::optional<core::Instant> g_next_redraw;
}  // namespace

void redraw_clock_begin_frame() { g_next_redraw.reset(); }

void redraw_at(std::optional<core::Instant> when) {
    if (when && (!g_next_redraw || *when < *g_next_redraw)) g_next_redraw = when;
}

std::optional<core::Instant> next_redraw() { return g_next_redraw; }

std::string weekday_time(const core::State& state, core::Instant t, const core::TimeZone* zone) {
    redraw_at(core::format_weekday_time_changes_at(t, state.now));
    return core::format_weekday_time(t, zone, state.now);
}

std::string edited_words(const core::State& state, std::optional<core::Instant> edited_at) {
    redraw_at(core::edited_text_changes_at(edited_at, state.now));
    return core::edited_text(edited_at, state.now, core::viewer_zone(state));
}

}  // namespace ui
