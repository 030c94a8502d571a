#include "core/model/draft_list.hpp"

#include "core/text/duration_text.hpp"
#include "core/text/time_text.hpp"
#include "core/text/ascii_text.hpp"
#include "core/text/utf8_text.hpp"

#include <algorithm>

namespace core {

namespace {

// The tenant field starts as the tenant worked in (request_flow); left so, it
// is the portal's doing, not the person's.
bool filled_in_by_portal(const State& state, const std::string& field_id, const std::string& value) {
    return field_id == "tenant" && value == state.current_tenant;
}

std::string first_line(std::string_view text) {
    text = trim_spaces(text);
    return std::string(trim_spaces(text.substr(0, text.find('\n'))));
}

}  // namespace

bool has_content(const State& state, const RequestForm& form) {
    const TicketDraft& d = form.draft;
    for (const auto& [id, value] : d.fields)
        if (!trim_spaces(value).empty() && !filled_in_by_portal(state, id, value)) return true;
    if (d.severity != 0 || !d.answers.empty()) return true;
    return std::any_of(d.checklist.begin(), d.checklist.end(), [](const auto& item) { return item.second; });
}

std::string draft_summary(const State& state, const RequestForm& form) {
    auto value_of = [&](const std::string& id) -> std::string {
        auto it = form.draft.fields.find(id);
        if (it == form.draft.fields.end() || filled_in_by_portal(state, id, it->second)) return {};
        return first_line(it->second);
    };
    if (std::string summary = value_of("summary"); !summary.empty()) return summary;
    const Route* route = state.program.find_route(form.draft.route);
    if (!route) return {};
    std::string chosen;   // a choice only when nothing was typed
    for (const Field& field : route->fields) {
        std::string value = value_of(field.id);
        if (value.empty()) continue;
        if (field.kind != FieldKind::Choice) return value;
        if (chosen.empty()) chosen = std::move(value);
    }
    return chosen;
}

std::vector<DraftEntry> list_drafts(const State& state) {
    std::vector<DraftEntry> entries;
    for (const auto& [route_id, form] : state.requests) {
        const Route* route = state.program.find_route(route_id);
        if (!route || !has_content(state, form)) continue;
        entries.push_back({route_id, route->title, draft_summary(state, form), form.edited_at});
    }
    // Newest first; drafts whose time is unknown last, in route order.
    std::stable_sort(entries.begin(), entries.end(), [](const DraftEntry& a, const DraftEntry& b) {
        return a.edited_at.value_or(Instant{}) > b.edited_at.value_or(Instant{});
    });
    return entries;
}

namespace {
constexpr std::chrono::seconds just_now{60};
constexpr std::chrono::hours dated_after{24};
}  // namespace

std::string edited_text(std::optional<Instant> edited_at, Instant now, const core::TimeZone* zone) {
    if (!edited_at) return "Edited earlier";
    const std::chrono::seconds ago = now - *edited_at;
    if (ago < just_now) return "Edited just now";   // also a clock that went back
    if (ago < dated_after) return "Edited " + duration_text(ago) + " ago";
    return "Edited " + format_full(*edited_at, zone);
}

std::optional<Instant> edited_text_changes_at(std::optional<Instant> edited_at, Instant now) {
    if (!edited_at) return std::nullopt;
    const std::chrono::seconds ago = now - *edited_at;
    if (ago < just_now) return *edited_at + just_now;
    if (ago < dated_after) return now + std::min<std::chrono::seconds>(duration_text_lasts(ago), dated_after - ago);
    return std::nullopt;
}

}  // namespace core
