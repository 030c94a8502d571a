// The portal's state and the one function that changes it.
//
// ui::draw reads a State and returns Actions; core::update applies an Action
// and returns Effects for the shell to carry out (history, HTTP, time zone
// files). Results come back as Actions. update does no I/O and reads no
// clock: the time arrives as a Tick.
#pragma once

#include "business_calendar.hpp"
#include "location.hpp"
#include "program.hpp"
#include "ticket.hpp"

#include <map>
#include <set>
#include <string>
#include <variant>
#include <vector>

namespace core {

struct TicketList {
    std::vector<Ticket> items;
    bool loading = false;
    bool paging = false;           // following next_cursor within one listing
    bool loaded = false;           // at least one complete answer arrived
    std::string error;             // why the last request failed, for the user
};

struct State {
    Program program = default_program();
    Screen screen = HomeScreen{};
    // What the user typed, per route and field. Kept here (not in widgets) so
    // that Back and forward navigation never lose it.
    std::map<std::string, std::map<std::string, std::string>> drafts;
    std::string notice;               // one-line message for the user, empty if none

    Instant now{};                    // the shell's clock, as of the last Tick
    TicketList tickets;
    std::string viewer_time_zone;     // the browser's zone, or the user's choice
    std::vector<std::string> known_time_zones;   // names the viewer may choose from
    // Zones whose rules the shell has loaded; only these are used.
    std::map<std::string, const date::time_zone*> zones;
    std::set<std::string> zones_requested;
    // One calendar per (schedule id, zone name), built when a zone arrives.
    std::map<std::pair<std::string, std::string>, BusinessCalendar> calendars;
};

// --- Actions: things that happened --------------------------------------
struct OpenRoute { std::string route_id; };       // a route card was clicked
struct GoHome {};                                   // header / breadcrumb
struct OpenTickets {};                              // header navigation
struct ReloadTickets {};                            // "Try again" after a failure
struct LocationChanged { std::string hash; };      // browser Back/Forward or typed URL
struct EditField { std::string route_id, field_id, value; };
struct ProgramFetched { int status = 0; std::string body; };  // GET /api/v1/program result
struct TicketsFetched { int status = 0; std::string body; };  // GET /api/v1/tickets result
struct DismissNotice {};
struct Tick { Instant now; };                      // the clock moved (at most once a second)
struct TimeZonesAvailable { std::vector<std::string> names; };
struct ViewerTimeZoneDetected { std::string name; };   // from the browser at start
struct ChooseViewerTimeZone { std::string name; };     // the user picked another zone
// The shell loaded a zone's rules (zone == nullptr: it could not).
struct TimeZoneLoaded { std::string name; const date::time_zone* zone = nullptr; };

using Action = std::variant<OpenRoute, GoHome, OpenTickets, ReloadTickets, LocationChanged, EditField, ProgramFetched,
                            TicketsFetched, DismissNotice, Tick, TimeZonesAvailable, ViewerTimeZoneDetected,
                            ChooseViewerTimeZone, TimeZoneLoaded>;

// --- Effects: things the shell must do ----------------------------------
struct PushLocation { std::string hash; };         // new history entry
struct ReplaceLocation { std::string hash; };      // fix up the URL without an entry
enum class HttpReply { Program, Tickets };         // which Action the answer becomes
struct HttpGet { std::string url; HttpReply reply = HttpReply::Program; };
struct LoadTimeZone { std::string name; };         // answer: TimeZoneLoaded

using Effect = std::variant<PushLocation, ReplaceLocation, HttpGet, LoadTimeZone>;

// The Action an HTTP answer becomes.
Action http_answer(HttpReply reply, int status, std::string body);

// Effects to run once when the shell starts, given the hash it was opened with.
std::vector<Effect> start(State& state, std::string_view initial_hash);

std::vector<Effect> update(State& state, const Action& action);

// Whether the screen shows something that changes with the clock (a live
// countdown): the shell ticks once a second only while this is true.
bool needs_clock(const State& state);

// The calendar for a ticket's response target, or nullptr while its zone is
// not loaded or the plan has no target.
const BusinessCalendar* ticket_calendar(const State& state, const Ticket& ticket);

}  // namespace core
