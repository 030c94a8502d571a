#include "sla_status.hpp"

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
