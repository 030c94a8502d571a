// The parts of a route's request form (route_screen.cpp puts them together):
// one field with its problems and what the portal read from it, the triage
// questions, the route's checklist, and the severity with its guidance.
#pragma once

#include "screens.hpp"

#include <string_view>

namespace ui {

void draw_request_field(const core::State& state, const core::RequestForm& form, const core::Field& field, float width,
                        Actions& out);
void draw_triage(const core::State& state, const core::RequestForm& form, float width, Actions& out);
void draw_checklist(const core::RequestForm& form, const core::Checklist& checklist, float width, Actions& out);
void draw_severity(const core::State& state, const core::RequestForm& form, float width, Actions& out);

// A section's title with a line of explanation under it.
void section_heading(std::string_view title, std::string_view explanation);

// A problem (red) or warning (amber) under a field, readable by the tests.
void issue_text(const core::FieldIssue& issue);

}  // namespace ui
