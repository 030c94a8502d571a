// The countdown badge of a ticket: a coloured pill with words (never colour
// alone) and a tooltip with the deadline in the customer's zone and the
// viewer's.
#pragma once

#include "core/app.hpp"

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace ui {

enum class BadgeTone { Neutral, Running, Warning, Danger, Success };

struct SlaBadge {
    BadgeTone tone = BadgeTone::Neutral;
    std::string text;                  // "3h 12m left", "Paused · resumes Mon 06:00"
    std::vector<std::string> details;  // tooltip lines
    const char* alarm = "";            // "at risk", "breached": said once when the badge turns so
};

// Everything the badge says about `ticket` at state.now.
SlaBadge sla_badge(const core::State& state, const core::Ticket& ticket);

// Draws the badge at the cursor and registers it under its text; screen
// readers hear when the badge of `ticket_id` turns at risk or breached.
void draw_sla_badge(const SlaBadge& badge, const char* id, std::string_view ticket_id);

}  // namespace ui
