#include "web/demo/demo_tickets.hpp"

#include "core/sla/response_status.hpp"

#include "web/demo/demo_sequence.hpp"

#include <algorithm>
#include <optional>

namespace web {

namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using core::SlaState;

// A demo ticket shows its state for at least this long after start, so a
// person opening the page (or a test) right away sees what it was made for.
constexpr seconds state_margin = minutes(10);

// Where the customers of the demo set are, tried in this order when a
// ticket's own zone cannot show its state at the moment.
constexpr const char* demo_zones[] = {"America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney",
                                      "America/Los_Angeles"};

struct DemoTicket {
    const char* route;
    const char* summary;
    const char* plan;
    int severity;
    const char* zone;
    std::optional<SlaState> state;   // what it should show; none for a plan without SLA
    int hours_ago = 0;               // without SLA: when it was opened
};

// Plan "none" only reaches the security-reports channel, so its tickets are
// security reports; every other plan files through any route.
const DemoTicket demo_set[] = {
    {"production", "SAML sign-in failing for all users after our IdP certificate rollover", "enterprise", 1,
     "Europe/Berlin", SlaState::AtRisk},
    {"production", "Token endpoint returning 503 for about 10% of requests", "standard", 1, "America/New_York",
     SlaState::Running},
    {"onboarding", "Redirect URI mismatch after moving the login page to our custom domain", "trial", 3,
     "Asia/Kolkata", SlaState::Paused},
    {"production", "Webhook deliveries delayed by more than 20 minutes since this morning", "enterprise", 2,
     "America/Los_Angeles", SlaState::Running},
    {"advanced", "SCIM provisioning stuck: deactivated users still active after the directory sync", "preferred", 2,
     "Australia/Sydney", SlaState::Breached},
    {"advanced", "JWKS rotation: how far ahead is the next signing key published?", "standard", 4, "Europe/Berlin",
     SlaState::Met},
    {"general", "Marketplace entitlement not activating after the AWS Marketplace purchase", "standard", 2,
     "America/New_York", SlaState::AtRisk},
    {"onboarding", "Custom domain TLS certificate stuck in pending validation", "standard", 3, "Australia/Sydney",
     SlaState::Paused},
    {"production", "Refresh tokens rejected after enabling refresh token rotation", "enterprise", 2, "Europe/Berlin",
     SlaState::MetLate},
    {"advanced", "429 rate limits on the Management API during a bulk user import", "enterprise", 3, "Asia/Kolkata",
     SlaState::Running},
    {"onboarding", "Google social login returns access_denied on the new tenant", "trial", 2, "America/Los_Angeles",
     SlaState::Breached},
    {"onboarding", "SSO test connection fails with a clock skew error", "preferred", 3, "America/New_York",
     SlaState::Met},
    {"production", "Passwordless email links expire before users can open them", "standard", 1, "Australia/Sydney",
     SlaState::Breached},
    {"advanced", "OIDC discovery document still shows the old issuer URL", "preferred", 4, "Europe/Berlin",
     SlaState::Met},
    {"onboarding", "Organization invitation emails not arriving for one customer domain", "trial", 4,
     "America/New_York", SlaState::Met},
    {"general", "Audit log export missing two hours of events", "enterprise", 4, "America/Los_Angeles",
     SlaState::Breached},
    {"production", "Login page takes 5-8 seconds for users in India since the last release", "preferred", 2,
     "Asia/Kolkata", SlaState::AtRisk},
    {"security", "Credential stuffing pattern against our login page from one IP range", "none", 1, "Asia/Kolkata",
     std::nullopt, 2},
    {"security", "Possible open redirect through the returnTo parameter of the logout endpoint", "none", 3,
     "Europe/Berlin", std::nullopt, 30},
    {"security", "Verification emails can be triggered for any address without a rate limit", "none", 4,
     "America/Los_Angeles", std::nullopt, 75},
};

// More subjects for the synthetic tickets, with the demo set's own.
struct Subject {
    const char* route;
    const char* summary;
};
const Subject more_subjects[] = {
    {"onboarding", "Which callback URLs do we need to allow for the mobile app?"},
    {"onboarding", "Invite-only sign-up: how to turn off public registration"},
    {"production", "Users logged out every few minutes on Safari"},
    {"production", "MFA push notifications not delivered to Android devices"},
    {"production", "Password reset emails going to spam for Outlook users"},
    {"advanced", "Custom claims missing from the access token after the rules migration"},
    {"advanced", "Bulk export of users times out above 100k users"},
    {"advanced", "Token exchange for a machine-to-machine client returns invalid_grant"},
    {"general", "Invoice shows more monthly active users than our dashboard"},
    {"general", "Request: audit log retention longer than 30 days"},
    {"security", "Session cookie missing the Secure flag on a legacy subdomain"},
};

// Customers of the synthetic tickets: the demo zones and a few more.
constexpr const char* load_zones[] = {"America/New_York",    "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney",
                                      "America/Los_Angeles", "Europe/London", "Asia/Tokyo",   "America/Sao_Paulo",
                                      "Asia/Singapore",      "America/Chicago"};

// People read minutes; whole ones look real.
core::Instant whole_minute(core::Instant t) { return date::floor<minutes>(t); }

// The latest opening time from which `used` business time has passed by
// `now`; nullopt when the 90 days before `now` do not hold that much.
std::optional<core::Instant> opened_before(const core::BusinessCalendar& calendar, core::Instant now, seconds used) {
    core::Instant earliest = now - date::days(90);
    if (used <= seconds(0) || calendar.elapsed(earliest, now) < used) return std::nullopt;
    core::Instant latest = now;
    // Business time since t shrinks as t moves towards now: bisect.
    while (latest - earliest > seconds(1)) {
        core::Instant middle = earliest + (latest - earliest) / 2;
        if (calendar.elapsed(middle, now) >= used)
            earliest = middle;
        else
            latest = middle;
    }
    return earliest;
}

struct Placement {
    core::Instant opened_at{};
    std::optional<core::Instant> first_response_at;
};

// Opening (and answering) times that make a ticket on `calendar` with
// `target` show `state` from `now` to now + state_margin; nullopt when these
// hours cannot (running needs them open now, paused needs them closed).
// `spread` (under an hour) moves tickets apart so they do not all share the
// minute of `now`; the states that depend on the next minutes ignore it.
std::optional<Placement> place(const core::ResponseTerms& terms, const core::BusinessCalendar& calendar, SlaState state,
                               core::Instant now, seconds spread) {
    const seconds target = core::response_allowance(terms);
    seconds used{0};                        // business time between opening and now
    std::optional<seconds> answered_after;  // business time to the first response
    switch (state) {
        case SlaState::Running: used = target * 3 / 10; break;
        case SlaState::AtRisk: used = target - std::min<seconds>(minutes(20), target / 2); break;
        case SlaState::Paused: used = target / 2 - std::min(spread, target / 4); break;
        case SlaState::Breached: used = target * 3 / 2 + spread; break;
        case SlaState::Met:
            used = target * 2 + spread;
            answered_after = target * 2 / 5;
            break;
        case SlaState::MetLate:
            used = target * 3 + spread;
            answered_after = target * 3 / 2;
            break;
    }
    std::optional<core::Instant> opened = opened_before(calendar, now, used);
    if (!opened) return std::nullopt;
    Placement placement;
    placement.opened_at = whole_minute(*opened);
    if (answered_after) {
        std::optional<core::Instant> answered = calendar.add(placement.opened_at, *answered_after);
        if (!answered) return std::nullopt;
        placement.first_response_at = whole_minute(*answered);
    }
    // Checked, not assumed: the hours at `now` decide, and rounding moved things.
    for (core::Instant at : {now, now + state_margin}) {
        std::optional<core::SlaStatus> status =
            core::response_status(terms, calendar, placement.opened_at, placement.first_response_at, at);
        if (!status || status->state != state) return std::nullopt;
    }
    return placement;
}

struct Choice {
    std::string plan;
    int severity = 0;
    std::string zone;
};

// The ticket's own terms first, then the same in the other demo zones, then
// its plan at the nearest other severities, then the other plans.
std::vector<Choice> choices_for(const DemoTicket& ticket, const core::Program& program) {
    std::vector<std::string> zones = {ticket.zone};
    for (const char* zone : demo_zones)
        if (zone != zones.front()) zones.push_back(zone);
    std::vector<int> severities = {ticket.severity};
    for (int distance = 1; distance < program.least_urgent_severity(); distance++)
        for (int severity : {ticket.severity - distance, ticket.severity + distance})
            if (program.find_severity(severity)) severities.push_back(severity);
    std::vector<std::string> plans = {ticket.plan};
    for (const core::Plan& plan : program.plans)
        if (plan.id != ticket.plan) plans.push_back(plan.id);

    std::vector<Choice> choices;
    for (const std::string& plan : plans)
        for (int severity : severities)
            for (const std::string& zone : zones) choices.push_back({plan, severity, zone});
    return choices;
}

TicketRecord demo_record(const DemoTicket& ticket, const core::Program& program, TimeZones& zones, core::Instant now,
                         seconds spread) {
    TicketRecord record;
    record.route = ticket.route;
    record.summary = ticket.summary;
    record.plan = ticket.plan;
    record.severity = ticket.severity;
    record.customer_time_zone = ticket.zone;
    record.fields = {{"summary", ticket.summary}};
    if (!ticket.state) {
        record.opened_at = whole_minute(now - hours(ticket.hours_ago) - spread);
        return record;
    }
    for (const Choice& choice : choices_for(ticket, program)) {
        core::Parsed<core::ResponseTerms> terms = core::response_terms(program, choice.plan, choice.severity);
        if (!terms) continue;
        std::optional<core::BusinessCalendar> calendar = core::response_calendar(*terms, zones.find(choice.zone));
        if (!calendar) continue;
        std::optional<Placement> placement = place(*terms, *calendar, *ticket.state, now, spread);
        if (!placement) continue;
        record.plan = choice.plan;
        record.severity = choice.severity;
        record.customer_time_zone = choice.zone;
        record.opened_at = placement->opened_at;
        record.first_response_at = placement->first_response_at;
        return record;
    }
    // A program with too few plans or hours for this state: keep the ticket as written, fresh.
    record.opened_at = whole_minute(now - hours(2));
    return record;
}

}  // namespace

int demo_set_size() { return int(std::size(demo_set)); }

std::vector<TicketRecord> demo_tickets(const core::Program& program, TimeZones& zones, core::Instant now) {
    std::vector<TicketRecord> tickets;
    int index = 0;
    for (const DemoTicket& ticket : demo_set) {
        seconds spread = minutes((index++ * 37 + 11) % 53);   // fixed, irregular-looking
        tickets.push_back(demo_record(ticket, program, zones, now, spread));
    }
    // Ids follow the order of opening, as they would have been given out.
    std::stable_sort(tickets.begin(), tickets.end(),
                     [](const TicketRecord& a, const TicketRecord& b) { return a.opened_at < b.opened_at; });
    return tickets;
}

std::vector<TicketRecord> synthetic_tickets(const core::Program& program, int count, core::Instant now) {
    std::vector<Subject> subjects;
    for (const DemoTicket& ticket : demo_set) subjects.push_back({ticket.route, ticket.summary});
    for (const Subject& subject : more_subjects) subjects.push_back(subject);

    // For each plan, the subjects whose route it may use.
    std::vector<std::vector<const Subject*>> subjects_of_plan;
    for (const core::Plan& plan : program.plans) {
        std::vector<const Subject*> open;
        for (const Subject& subject : subjects) {
            const core::Route* route = program.find_route(subject.route);
            if (!route || program.route_open_to(*route, plan.id)) open.push_back(&subject);
        }
        subjects_of_plan.push_back(std::move(open));
    }

    DemoSequence random(20260401);
    std::vector<TicketRecord> tickets;
    tickets.reserve(size_t(count));
    constexpr std::chrono::days thirty_days{30};
    for (int i = 0; i < count; i++) {
        TicketRecord ticket;
        size_t plan_index = program.plans.empty() ? 0 : size_t(random.below(int64_t(program.plans.size())));
        const std::vector<const Subject*>* open = program.plans.empty() ? nullptr : &subjects_of_plan[plan_index];
        const Subject& subject = open && !open->empty() ? *(*open)[size_t(random.below(int64_t(open->size())))]
                                                        : subjects[size_t(random.below(int64_t(subjects.size())))];
        ticket.route = subject.route;
        ticket.summary = subject.summary;
        ticket.plan = program.plans.empty() ? "none" : program.plans[plan_index].id;
        ticket.severity = 1 + int(random.below(std::max<int64_t>(1, program.least_urgent_severity())));   // the program's levels
        ticket.customer_time_zone = load_zones[random.below(int64_t(std::size(load_zones)))];
        ticket.opened_at = now - random.below(thirty_days);
        // Most tickets have been answered, from minutes to a day and a half after opening.
        if (random.below(100) < 60) {
            core::Instant answered = ticket.opened_at + minutes(2) + random.below(hours(36));
            if (answered <= now) ticket.first_response_at = answered;
        }
        tickets.push_back(std::move(ticket));
    }
    std::stable_sort(tickets.begin(), tickets.end(),
                     [](const TicketRecord& a, const TicketRecord& b) { return a.opened_at < b.opened_at; });
    return tickets;
}

std::string seed_demo_tickets(TicketStore& store, const core::Program& program, TimeZones& zones, int synthetic_count,
                              core::Instant now, const std::vector<DemoTicketTenant>& tenants, int64_t& added) {
    added = 0;
    std::string error;
    if (store.count(error) > 0 || !error.empty()) return error;   // someone's data, or the demo of an earlier start
    // The demo set first, so its ids (T-1001 ...) do not depend on the count.
    std::vector<TicketRecord> tickets = demo_tickets(program, zones, now);
    std::vector<TicketRecord> synthetic = synthetic_tickets(program, synthetic_count, now);
    tickets.insert(tickets.end(), synthetic.begin(), synthetic.end());
    // Taking turns, so each tenant has about half of every kind of ticket.
    if (!tenants.empty()) {
        for (size_t i = 0; i < tickets.size(); i++) {
            const DemoTicketTenant& tenant = tenants[i % tenants.size()];
            tickets[i].tenant = tenant.slug;
            if (!tenant.openers.empty()) tickets[i].opened_by = tenant.openers[(i / tenants.size()) % tenant.openers.size()];
        }
    }
    if (error = store.insert(tickets); !error.empty()) return error;
    added = int64_t(tickets.size());
    return {};
}

}  // namespace web
