#include "sla_badge.hpp"

#include "redraw_clock.hpp"
#include "style.hpp"
#include "widgets.hpp"

#include "core/sla/response_status.hpp"
#include "core/text/time_text.hpp"

#include <cfloat>

namespace ui {

namespace {

struct ToneColours {
    ImU32 background, border, text;
};

ToneColours colours_of(BadgeTone tone) {
    switch (tone) {
    case BadgeTone::Running: return {colour::accent_soft, colour::accent_border, colour::accent_text};
    case BadgeTone::Warning: return {colour::warning_soft, colour::warning_border, colour::warning_text};
    case BadgeTone::Danger: return {colour::danger_soft, colour::danger_badge_border, colour::danger_text};
    case BadgeTone::Success: return {colour::success_soft, colour::success_border, colour::success_text};
    case BadgeTone::Neutral: break;
    }
    return {colour::neutral_soft, colour::neutral_border, colour::neutral_text};
}

}  // namespace

SlaBadge sla_badge(const core::State& state, const core::Ticket& ticket) {
    SlaBadge badge;
    const core::Parsed<core::ResponseTerms> terms = core::response_terms(state.program, ticket.plan, ticket.severity);
    if (!terms || !terms->target) {
        badge.text = "No response target";
        badge.details.push_back(terms ? terms->plan->name + " has no response-time commitment."
                                      : "Unknown plan \"" + ticket.plan + "\".");
        return badge;
    }
    const core::BusinessCalendar* calendar = core::ticket_calendar(state, ticket);
    if (!calendar) {
        badge.text = "Loading time zone";
        badge.details.push_back("Waiting for the rules of " + ticket.customer_time_zone + ".");
        return badge;
    }
    const std::optional<core::SlaStatus> status =
        core::response_status(*terms, *calendar, ticket.opened_at, ticket.first_response_at, state.now);
    if (!status) {
        badge.text = "No deadline";
        badge.details.push_back("The plan's hours never open again.");
        return badge;
    }
    redraw_at(core::sla_words_change_at(*calendar, *status, state.now));
    const core::TimeZone* customer = calendar->zone();
    const core::TimeZone* viewer = core::viewer_zone(state);
    const core::TimeZone* shown = viewer ? viewer : customer;

    switch (status->state) {
    case core::SlaState::Running:
        badge.tone = BadgeTone::Running;
        badge.text = core::format_duration(status->left) + " left";
        break;
    case core::SlaState::AtRisk:
        badge.tone = BadgeTone::Warning;
        badge.text = "At risk \xC2\xB7 " + core::format_duration(status->left) + " left";
        badge.alarm = "at risk";
        break;
    case core::SlaState::Paused:
        badge.tone = BadgeTone::Neutral;
        badge.text = "Paused \xC2\xB7 resumes " + weekday_time(state, *status->resumes_at, shown);
        break;
    case core::SlaState::Breached:
        badge.tone = BadgeTone::Danger;
        badge.text = "Breached \xC2\xB7 " + core::format_duration(status->late) + " late";
        badge.alarm = "breached";
        break;
    case core::SlaState::Met:
        badge.tone = BadgeTone::Success;
        badge.text = "Met \xC2\xB7 answered in " + core::format_duration(status->response);
        break;
    case core::SlaState::MetLate:
        badge.tone = BadgeTone::Danger;
        badge.text = "Answered " + core::format_duration(status->late) + " late";
        break;
    }

    badge.details.push_back(core::response_promise(*terms) + ".");
    badge.details.push_back("Deadline: " + core::format_full(status->deadline, customer) + " (customer, " +
                            ticket.customer_time_zone + ")");
    if (viewer && viewer != customer)
        badge.details.push_back("          " + core::format_full(status->deadline, viewer) + " (you, " +
                                state.viewer_time_zone + ")");
    if (status->state == core::SlaState::Paused)
        badge.details.push_back("Outside the plan's hours: the clock is paused with " +
                                core::format_duration(status->left) + " left.");
    return badge;
}

void draw_sla_badge(const SlaBadge& badge, const char* id, std::string_view ticket_id) {
    const Fonts& f = fonts();
    const ToneColours c = colours_of(badge.tone);
    const ImVec2 text_size = f.small->CalcTextSizeA(f.small->FontSize, FLT_MAX, 0, badge.text.c_str());
    const float dot = px(6);
    const ImVec2 padding(px(10), px(4));
    const ImVec2 size(text_size.x + dot + px(6) + 2 * padding.x, text_size.y + 2 * padding.y);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, size);
    expose_label(badge.text);
    {
        // The hover card's lines, for those who cannot hover.
        ItemState& item = describe(Role::Text);
        for (const std::string& line : badge.details) item.description += (item.description.empty() ? "" : " ") + line;
        if (*badge.alarm) item.announce = "Ticket " + std::string(ticket_id) + ": first response " + badge.alarm;
    }
    const ImVec2 max(min.x + size.x, min.y + size.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, c.background, size.y * 0.5f);
    dl->AddRect(min, max, c.border, size.y * 0.5f, 0, px(1));
    dl->AddCircleFilled(ImVec2(min.x + padding.x + dot * 0.5f, min.y + size.y * 0.5f), dot * 0.5f, c.text);
    dl->AddText(f.small, f.small->FontSize, ImVec2(min.x + padding.x + dot + px(6), min.y + padding.y), c.text,
                badge.text.c_str());
    if (ImGui::IsItemHovered() && !badge.details.empty()) {
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(12), px(10)));
        ImGui::BeginTooltip();
        for (const std::string& line : badge.details) ImGui::TextUnformatted(line.c_str());
        ImGui::EndTooltip();
        ImGui::PopStyleVar();
    }
}

}  // namespace ui
