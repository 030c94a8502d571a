// What the Drafts screen lists: every route form with something in it, newest
// first, each with its route's title, a one-line summary and when it was last
// edited, in words.
#pragma once

#include "core/app.hpp"

#include <optional>
#include <string>
#include <vector>

namespace core {

struct DraftEntry {
    std::string route_id;
    std::string title;                   // the route's: "Onboarding"
    std::string summary;                 // one line of what was typed; "" when only choices were made
    std::optional<Instant> edited_at;
};

// Whether a form holds anything the person did: text typed (the tenant the
// portal filled in on its own does not count), an answer, a ticked item, a
// severity. Only such forms are drafts.
bool has_content(const State& state, const RequestForm& form);

std::vector<DraftEntry> list_drafts(const State& state);

// The summary field if filled in, else the first filled-in text field, as its
// first line without surrounding spaces.
std::string draft_summary(const State& state, const RequestForm& form);

// "Edited just now", "Edited 3 minutes ago", "Edited Mon 23 Nov 2026, 10:00 CET"
// (a day or more ago, in the viewer's zone); "Edited earlier" when not known.
std::string edited_text(std::optional<Instant> edited_at, Instant now, const core::TimeZone* zone);
// The first instant after `now` at which edited_text reads differently;
// nullopt when it never will.
std::optional<Instant> edited_text_changes_at(std::optional<Instant> edited_at, Instant now);

}  // namespace core
