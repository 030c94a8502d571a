#include "core/sla/sla_status.hpp"

#include <algorithm>
#include <cstdio>

namespace core {

using std::chrono::seconds;
using std::chrono::minutes;

std::optional<SlaStatus> sla_status(const BusinessCalendar& calendar, seconds target, Instant opened,
                                    std::optional<Instant> first_response, Instant now) {
    const std::optional<Instant> deadline = calendar.add(opened, target);
    if (!deadline) return std::nullopt;
    SlaStatus status;
    status.deadline = *deadline;
    status.target = target;

    // Automated replies never reach here: first_response is a person's.
    if (first_response) {
        status.response = calendar.elapsed(opened, *first_response);
        if (*first_response <= *deadline) {
            status.state = SlaState::Met;
        } else {
            status.state = SlaState::MetLate;
            status.late = calendar.elapsed(*deadline, *first_response);
        }
        return status;
    }
    if (now >= *deadline) {
        status.state = SlaState::Breached;
        status.late = calendar.elapsed(*deadline, now);
        return status;
    }
    status.left = calendar.elapsed(std::max(now, opened), *deadline);
    if (!calendar.is_open(now)) {
        status.state = SlaState::Paused;
        status.resumes_at = calendar.next_open(now);
        return status;
    }
    const bool at_risk = status.left * 4 < target || status.left < minutes(30);
    status.state = at_risk ? SlaState::AtRisk : SlaState::Running;
    return status;
}

namespace {

// format_duration shows seconds in the last minute and whole minutes above it.
seconds until_shrinking_words_change(seconds left) { return left >= minutes(1) ? left % minutes(1) + seconds(1) : seconds(1); }
seconds until_growing_words_change(seconds late) { return late >= minutes(1) ? minutes(1) - late % minutes(1) : seconds(1); }

std::optional<Instant> earliest(std::optional<Instant> a, std::optional<Instant> b) {
    if (!a) return b;
    if (!b) return a;
    return std::min(*a, *b);
}

}  // namespace

std::optional<Instant> sla_words_change_at(const BusinessCalendar& calendar, const SlaStatus& status, Instant now) {
    switch (status.state) {
    case SlaState::Met:
    case SlaState::MetLate: return std::nullopt;
    case SlaState::Paused: return status.resumes_at;
    case SlaState::Breached: return calendar.add(now, until_growing_words_change(status.late));
    case SlaState::Running:
    case SlaState::AtRisk: break;
    }
    std::optional<Instant> change = calendar.add(now, until_shrinking_words_change(status.left));
    change = earliest(change, calendar.next_close(now));   // paused from then on
    if (status.state == SlaState::Running) {
        // At risk from the first second with left * 4 < target or left < 30 minutes.
        const seconds at_risk_below = std::max((status.target + seconds(3)) / 4, seconds(minutes(30)));
        change = earliest(change, calendar.add(now, status.left - at_risk_below + seconds(1)));
    }
    return change;
}

std::string_view to_string(SlaState state) {
    switch (state) {
    case SlaState::Running: return "running";
    case SlaState::AtRisk: return "at_risk";
    case SlaState::Paused: return "paused";
    case SlaState::Breached: return "breached";
    case SlaState::Met: return "met";
    case SlaState::MetLate: return "met_late";
    }
    return "running";
}

std::string format_duration(seconds duration) {
    long long s = duration.count() < 0 ? 0 : duration.count();
    const long long h = s / 3600, m = (s % 3600) / 60, sec = s % 60;
    char buffer[48];
    // Whole minutes above one minute: a badge that changes every second makes
    // a calm wait look frantic, and costs a redraw each second; the exact
    // deadline is one hover away. The last minute counts down in seconds.
    if (h > 0 && m > 0) std::snprintf(buffer, sizeof buffer, "%lldh %lldm", h, m);
    else if (h > 0) std::snprintf(buffer, sizeof buffer, "%lldh", h);
    else if (m > 0) std::snprintf(buffer, sizeof buffer, "%lldm", m);
    else std::snprintf(buffer, sizeof buffer, "%llds", sec);
    return buffer;
}

}  // namespace core
